
    
    



select contact_id
from "iceberg"."connect_lake_marts"."fct_contacts"
where contact_id is null


