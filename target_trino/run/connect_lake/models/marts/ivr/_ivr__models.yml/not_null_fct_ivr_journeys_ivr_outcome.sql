
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    



select ivr_outcome
from "iceberg"."connect_lake_marts"."fct_ivr_journeys"
where ivr_outcome is null



  
  
      
    ) dbt_internal_test