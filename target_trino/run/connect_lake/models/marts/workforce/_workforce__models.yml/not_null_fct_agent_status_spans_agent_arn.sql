
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    



select agent_arn
from "iceberg"."connect_lake_marts"."fct_agent_status_spans"
where agent_arn is null



  
  
      
    ) dbt_internal_test