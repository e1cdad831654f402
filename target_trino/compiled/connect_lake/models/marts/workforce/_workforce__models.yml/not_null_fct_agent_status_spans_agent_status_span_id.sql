
    
    



select agent_status_span_id
from "iceberg"."connect_lake_marts"."fct_agent_status_spans"
where agent_status_span_id is null


