
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    

select
    landing_accounting_id as unique_field,
    count(*) as n_records

from "iceberg"."connect_lake_staging"."stg_connect__landing_accounting"
where landing_accounting_id is not null
group by landing_accounting_id
having count(*) > 1



  
  
      
    ) dbt_internal_test