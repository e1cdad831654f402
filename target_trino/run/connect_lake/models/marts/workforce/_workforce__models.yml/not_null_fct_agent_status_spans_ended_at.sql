
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    



select ended_at
from "iceberg"."connect_lake_marts"."fct_agent_status_spans"
where ended_at is null



  
  
      
    ) dbt_internal_test