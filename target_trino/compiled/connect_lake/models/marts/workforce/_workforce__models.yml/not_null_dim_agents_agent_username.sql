
    
    



select agent_username
from "iceberg"."connect_lake_marts"."dim_agents"
where agent_username is null


