
    
    



select journey_date
from "iceberg"."connect_lake_marts"."fct_contact_journeys"
where journey_date is null


