
    
    



select channel
from "awsdatacatalog"."connect_lake_staging"."stg_connect__contact_records"
where channel is null


