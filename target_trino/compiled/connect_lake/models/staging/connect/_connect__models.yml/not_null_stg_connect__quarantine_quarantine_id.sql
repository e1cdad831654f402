
    
    



select quarantine_id
from "iceberg"."connect_lake_staging"."stg_connect__quarantine"
where quarantine_id is null


