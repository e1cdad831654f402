
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    



select is_handled
from "iceberg"."connect_lake_marts"."fct_contacts"
where is_handled is null



  
  
      
    ) dbt_internal_test