
    
    



select agent_arn
from "iceberg"."connect_lake_marts"."fct_agent_intervals"
where agent_arn is null


