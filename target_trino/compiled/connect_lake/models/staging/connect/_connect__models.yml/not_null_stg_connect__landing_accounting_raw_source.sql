
    
    



select raw_source
from "iceberg"."connect_lake_staging"."stg_connect__landing_accounting"
where raw_source is null


