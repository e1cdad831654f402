
    
    



select was_handled
from "iceberg"."connect_lake_marts"."fct_contact_journeys"
where was_handled is null


