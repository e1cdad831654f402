
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    

select
    contact_category_id as unique_field,
    count(*) as n_records

from "iceberg"."connect_lake_marts"."fct_contact_analysis_categories"
where contact_category_id is not null
group by contact_category_id
having count(*) > 1



  
  
      
    ) dbt_internal_test