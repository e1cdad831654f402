
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    



select has_repeat_contact
from "iceberg"."connect_lake_marts"."fct_contact_journeys"
where has_repeat_contact is null



  
  
      
    ) dbt_internal_test