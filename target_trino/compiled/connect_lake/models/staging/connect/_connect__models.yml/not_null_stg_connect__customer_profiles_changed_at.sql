
    
    



select changed_at
from "iceberg"."connect_lake_staging"."stg_connect__customer_profiles"
where changed_at is null


