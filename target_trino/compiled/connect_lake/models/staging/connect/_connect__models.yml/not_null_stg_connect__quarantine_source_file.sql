
    
    



select source_file
from "iceberg"."connect_lake_staging"."stg_connect__quarantine"
where source_file is null


