
    
    



select valid_from
from "iceberg"."connect_lake_intermediate"."int_agent_configuration_changes__detected"
where valid_from is null


