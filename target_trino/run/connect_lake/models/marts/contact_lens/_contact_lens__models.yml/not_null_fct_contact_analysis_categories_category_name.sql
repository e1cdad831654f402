
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    



select category_name
from "iceberg"."connect_lake_marts"."fct_contact_analysis_categories"
where category_name is null



  
  
      
    ) dbt_internal_test