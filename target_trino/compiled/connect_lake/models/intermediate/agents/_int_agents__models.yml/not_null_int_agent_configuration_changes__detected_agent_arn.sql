
    
    



select agent_arn
from "iceberg"."connect_lake_intermediate"."int_agent_configuration_changes__detected"
where agent_arn is null


