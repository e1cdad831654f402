
    
    



select channel
from "iceberg"."connect_lake_staging"."stg_connect__contact_records"
where channel is null


