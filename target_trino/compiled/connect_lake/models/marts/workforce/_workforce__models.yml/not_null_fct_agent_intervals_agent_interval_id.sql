
    
    



select agent_interval_id
from "iceberg"."connect_lake_marts"."fct_agent_intervals"
where agent_interval_id is null


