
    
    



select contact_id
from "iceberg"."connect_lake_staging"."stg_connect__contact_flow_logs"
where contact_id is null


