
    
    



select _row_kind
from "iceberg"."connect_lake_staging"."base_connect__agent_events"
where _row_kind is null


