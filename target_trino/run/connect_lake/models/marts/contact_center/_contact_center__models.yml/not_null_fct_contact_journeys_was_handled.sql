
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    



select was_handled
from "iceberg"."connect_lake_marts"."fct_contact_journeys"
where was_handled is null



  
  
      
    ) dbt_internal_test