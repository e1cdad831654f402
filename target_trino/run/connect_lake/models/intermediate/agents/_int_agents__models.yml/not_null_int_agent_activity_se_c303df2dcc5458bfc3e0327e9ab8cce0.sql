
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    



select agent_activity_segment_id
from "iceberg"."connect_lake_intermediate"."int_agent_activity_segments__swept"
where agent_activity_segment_id is null



  
  
      
    ) dbt_internal_test