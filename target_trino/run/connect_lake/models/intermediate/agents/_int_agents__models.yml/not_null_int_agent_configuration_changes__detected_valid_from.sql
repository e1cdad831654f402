
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    



select valid_from
from "iceberg"."connect_lake_intermediate"."int_agent_configuration_changes__detected"
where valid_from is null



  
  
      
    ) dbt_internal_test