
    
    



select agent_arn
from "iceberg"."connect_lake_intermediate"."int_agent_status_spans__sessionized"
where agent_arn is null


