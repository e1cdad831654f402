
    
    



select interval_start
from "iceberg"."connect_lake_marts"."fct_agent_intervals"
where interval_start is null


