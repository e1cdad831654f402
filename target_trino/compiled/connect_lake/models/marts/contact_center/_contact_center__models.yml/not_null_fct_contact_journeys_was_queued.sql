
    
    



select was_queued
from "iceberg"."connect_lake_marts"."fct_contact_journeys"
where was_queued is null


