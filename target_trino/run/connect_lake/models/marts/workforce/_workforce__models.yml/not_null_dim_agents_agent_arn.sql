
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    



select agent_arn
from "iceberg"."connect_lake_marts"."dim_agents"
where agent_arn is null



  
  
      
    ) dbt_internal_test