
    
    



select agent_status_name
from "iceberg"."connect_lake_marts"."fct_agent_status_spans"
where agent_status_name is null


