
    
    



select ivr_outcome
from "iceberg"."connect_lake_marts"."fct_ivr_journeys"
where ivr_outcome is null


