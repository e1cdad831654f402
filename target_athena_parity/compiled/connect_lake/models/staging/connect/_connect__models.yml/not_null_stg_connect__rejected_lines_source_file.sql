
    
    



select source_file
from "awsdatacatalog"."connect_lake_staging"."stg_connect__rejected_lines"
where source_file is null


