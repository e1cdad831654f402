
    
    



select root_contact_id
from "iceberg"."connect_lake_marts"."fct_contacts"
where root_contact_id is null


