
    
    



select quarantine_reason
from "iceberg"."connect_lake_staging"."stg_connect__quarantine"
where quarantine_reason is null


