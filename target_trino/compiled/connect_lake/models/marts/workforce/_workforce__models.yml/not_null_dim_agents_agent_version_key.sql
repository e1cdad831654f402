
    
    



select agent_version_key
from "iceberg"."connect_lake_marts"."dim_agents"
where agent_version_key is null


