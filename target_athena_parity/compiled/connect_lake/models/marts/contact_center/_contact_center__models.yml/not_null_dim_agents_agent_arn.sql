
    
    



select agent_arn
from "awsdatacatalog"."connect_lake_marts"."dim_agents"
where agent_arn is null


