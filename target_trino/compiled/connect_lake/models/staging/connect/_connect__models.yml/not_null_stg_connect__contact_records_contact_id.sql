
    
    



select contact_id
from "iceberg"."connect_lake_staging"."stg_connect__contact_records"
where contact_id is null


