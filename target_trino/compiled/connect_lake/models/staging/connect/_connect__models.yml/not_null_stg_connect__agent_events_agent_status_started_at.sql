
    
    



select agent_status_started_at
from "iceberg"."connect_lake_staging"."stg_connect__agent_events"
where agent_status_started_at is null


