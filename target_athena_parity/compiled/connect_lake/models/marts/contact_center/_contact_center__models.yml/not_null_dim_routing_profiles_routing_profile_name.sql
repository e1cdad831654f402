
    
    



select routing_profile_name
from "awsdatacatalog"."connect_lake_marts"."dim_routing_profiles"
where routing_profile_name is null


