
    
    



select event_at
from "iceberg"."connect_lake_staging"."stg_connect__agent_events"
where event_at is null


