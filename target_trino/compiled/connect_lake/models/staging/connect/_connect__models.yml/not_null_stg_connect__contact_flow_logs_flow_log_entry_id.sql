
    
    



select flow_log_entry_id
from "iceberg"."connect_lake_staging"."stg_connect__contact_flow_logs"
where flow_log_entry_id is null


