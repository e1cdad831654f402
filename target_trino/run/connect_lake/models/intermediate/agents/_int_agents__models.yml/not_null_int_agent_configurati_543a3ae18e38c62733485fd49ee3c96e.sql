
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    



select agent_configuration_change_id
from "iceberg"."connect_lake_intermediate"."int_agent_configuration_changes__detected"
where agent_configuration_change_id is null



  
  
      
    ) dbt_internal_test