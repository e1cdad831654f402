
    
    



select _source_file
from "iceberg"."connect_lake_staging"."base_connect__agent_events"
where _source_file is null


