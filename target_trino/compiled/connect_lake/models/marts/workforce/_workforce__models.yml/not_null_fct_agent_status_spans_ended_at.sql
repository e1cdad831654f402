
    
    



select ended_at
from "iceberg"."connect_lake_marts"."fct_agent_status_spans"
where ended_at is null


