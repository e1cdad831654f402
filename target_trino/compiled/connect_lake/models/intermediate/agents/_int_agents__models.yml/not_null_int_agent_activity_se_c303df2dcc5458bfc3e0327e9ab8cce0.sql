
    
    



select agent_activity_segment_id
from "iceberg"."connect_lake_intermediate"."int_agent_activity_segments__swept"
where agent_activity_segment_id is null


