
    
    



select raw_source
from "iceberg"."connect_lake_staging"."stg_connect__quarantine"
where raw_source is null


