
    
    



select valid_from
from "iceberg"."connect_lake_marts"."dim_agents"
where valid_from is null


