
    
    



select agent_arn
from "iceberg"."connect_lake_staging"."stg_connect__agent_events"
where agent_arn is null


