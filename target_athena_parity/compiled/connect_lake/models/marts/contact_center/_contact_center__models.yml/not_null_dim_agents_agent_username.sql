
    
    



select agent_username
from "awsdatacatalog"."connect_lake_marts"."dim_agents"
where agent_username is null


