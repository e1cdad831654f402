
    
    



select ended_at
from "iceberg"."connect_lake_intermediate"."int_agent_status_spans__sessionized"
where ended_at is null


