
    
    



select initiated_at
from "iceberg"."connect_lake_staging"."stg_connect__contact_records"
where initiated_at is null


