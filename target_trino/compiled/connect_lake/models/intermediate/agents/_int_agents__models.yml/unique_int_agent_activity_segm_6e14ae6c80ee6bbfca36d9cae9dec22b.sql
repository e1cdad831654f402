
    
    

select
    agent_activity_segment_id as unique_field,
    count(*) as n_records

from "iceberg"."connect_lake_intermediate"."int_agent_activity_segments__swept"
where agent_activity_segment_id is not null
group by agent_activity_segment_id
having count(*) > 1


