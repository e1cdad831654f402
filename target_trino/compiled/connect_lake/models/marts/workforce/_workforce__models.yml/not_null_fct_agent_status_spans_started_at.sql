
    
    



select started_at
from "iceberg"."connect_lake_marts"."fct_agent_status_spans"
where started_at is null


