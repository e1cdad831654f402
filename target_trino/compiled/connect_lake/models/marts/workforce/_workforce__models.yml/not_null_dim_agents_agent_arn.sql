
    
    



select agent_arn
from "iceberg"."connect_lake_marts"."dim_agents"
where agent_arn is null


