
    
    



select last_updated_at
from "iceberg"."connect_lake_staging"."stg_connect__contact_records"
where last_updated_at is null


