
    
    



select contact_state_started_at
from "iceberg"."connect_lake_staging"."stg_connect__agent_event_contacts"
where contact_state_started_at is null


