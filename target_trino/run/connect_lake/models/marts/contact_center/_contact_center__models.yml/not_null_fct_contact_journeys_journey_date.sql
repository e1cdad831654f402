
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    



select journey_date
from "iceberg"."connect_lake_marts"."fct_contact_journeys"
where journey_date is null



  
  
      
    ) dbt_internal_test