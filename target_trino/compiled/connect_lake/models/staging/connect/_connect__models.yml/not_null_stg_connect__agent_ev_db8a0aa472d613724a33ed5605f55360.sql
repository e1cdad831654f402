
    
    



select agent_event_contact_id
from "iceberg"."connect_lake_staging"."stg_connect__agent_event_contacts"
where agent_event_contact_id is null


