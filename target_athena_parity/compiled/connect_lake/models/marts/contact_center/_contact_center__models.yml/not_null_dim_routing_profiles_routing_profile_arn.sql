
    
    



select routing_profile_arn
from "awsdatacatalog"."connect_lake_marts"."dim_routing_profiles"
where routing_profile_arn is null


