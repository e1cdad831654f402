
    
    



select logged_at
from "iceberg"."connect_lake_staging"."stg_connect__contact_flow_logs"
where logged_at is null


