
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    

select
    quarantine_id as unique_field,
    count(*) as n_records

from "iceberg"."connect_lake_staging"."stg_connect__quarantine"
where quarantine_id is not null
group by quarantine_id
having count(*) > 1



  
  
      
    ) dbt_internal_test