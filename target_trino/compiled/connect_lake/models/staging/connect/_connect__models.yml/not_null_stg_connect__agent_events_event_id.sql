
    
    



select event_id
from "iceberg"."connect_lake_staging"."stg_connect__agent_events"
where event_id is null


