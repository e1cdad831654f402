
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    



select agent_interval_id
from "iceberg"."connect_lake_marts"."fct_agent_intervals"
where agent_interval_id is null



  
  
      
    ) dbt_internal_test