
    
    



select raw_source
from "awsdatacatalog"."connect_lake_staging"."stg_connect__rejected_lines"
where raw_source is null


