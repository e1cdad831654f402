
    
    



select contact_id
from "awsdatacatalog"."connect_lake_staging"."stg_connect__contact_records"
where contact_id is null


