
    
    



select agent_status_name
from "iceberg"."connect_lake_staging"."stg_connect__agent_events"
where agent_status_name is null


