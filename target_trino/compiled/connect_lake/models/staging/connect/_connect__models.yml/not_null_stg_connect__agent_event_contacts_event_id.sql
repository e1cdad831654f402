
    
    



select event_id
from "iceberg"."connect_lake_staging"."stg_connect__agent_event_contacts"
where event_id is null


