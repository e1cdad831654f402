
    
    



select has_repeat_contact
from "iceberg"."connect_lake_marts"."fct_contact_journeys"
where has_repeat_contact is null


