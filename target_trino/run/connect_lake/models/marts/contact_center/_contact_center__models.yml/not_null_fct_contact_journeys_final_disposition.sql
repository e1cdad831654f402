
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    



select final_disposition
from "iceberg"."connect_lake_marts"."fct_contact_journeys"
where final_disposition is null



  
  
      
    ) dbt_internal_test