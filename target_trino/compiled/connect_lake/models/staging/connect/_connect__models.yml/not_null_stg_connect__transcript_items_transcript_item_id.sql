
    
    



select transcript_item_id
from "iceberg"."connect_lake_staging"."stg_connect__transcript_items"
where transcript_item_id is null


