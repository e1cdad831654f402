
    
    



select is_first_contact_resolved
from "iceberg"."connect_lake_marts"."fct_contact_journeys"
where is_first_contact_resolved is null


