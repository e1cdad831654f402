
    
    



select contact_id
from "iceberg"."connect_lake_staging"."stg_connect__transcript_items"
where contact_id is null


