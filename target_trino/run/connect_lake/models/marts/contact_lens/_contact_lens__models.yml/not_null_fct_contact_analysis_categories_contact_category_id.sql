
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    



select contact_category_id
from "iceberg"."connect_lake_marts"."fct_contact_analysis_categories"
where contact_category_id is null



  
  
      
    ) dbt_internal_test