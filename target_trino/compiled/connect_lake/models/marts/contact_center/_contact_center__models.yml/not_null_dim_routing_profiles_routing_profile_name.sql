
    
    



select routing_profile_name
from "iceberg"."connect_lake_marts"."dim_routing_profiles"
where routing_profile_name is null


