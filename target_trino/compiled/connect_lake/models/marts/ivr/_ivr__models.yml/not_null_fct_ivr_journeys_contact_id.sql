
    
    



select contact_id
from "iceberg"."connect_lake_marts"."fct_ivr_journeys"
where contact_id is null


