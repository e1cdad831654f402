
    
    



select agent_version_key
from "iceberg"."connect_lake_marts"."fct_agent_intervals"
where agent_version_key is null


