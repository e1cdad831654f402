
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    



select is_first_contact_resolved
from "iceberg"."connect_lake_marts"."fct_contact_journeys"
where is_first_contact_resolved is null



  
  
      
    ) dbt_internal_test