
    
    



select routing_profile_arn
from "iceberg"."connect_lake_marts"."dim_routing_profiles"
where routing_profile_arn is null


