
    
    



select profile_id
from "iceberg"."connect_lake_marts"."dim_customers"
where profile_id is null


