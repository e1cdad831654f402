
    
    



select _ingested_at
from "iceberg"."connect_lake_staging"."base_connect__agent_events"
where _ingested_at is null


