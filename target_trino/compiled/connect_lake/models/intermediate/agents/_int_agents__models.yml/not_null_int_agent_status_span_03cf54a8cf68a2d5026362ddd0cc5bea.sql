
    
    



select agent_status_span_id
from "iceberg"."connect_lake_intermediate"."int_agent_status_spans__sessionized"
where agent_status_span_id is null


