
    
    



select version_number
from "iceberg"."connect_lake_marts"."dim_agents"
where version_number is null


