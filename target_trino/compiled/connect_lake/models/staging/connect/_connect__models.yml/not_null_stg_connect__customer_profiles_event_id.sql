
    
    



select event_id
from "iceberg"."connect_lake_staging"."stg_connect__customer_profiles"
where event_id is null


