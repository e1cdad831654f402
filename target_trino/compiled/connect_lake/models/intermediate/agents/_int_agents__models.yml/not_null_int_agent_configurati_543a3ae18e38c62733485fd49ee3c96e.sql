
    
    



select agent_configuration_change_id
from "iceberg"."connect_lake_intermediate"."int_agent_configuration_changes__detected"
where agent_configuration_change_id is null


