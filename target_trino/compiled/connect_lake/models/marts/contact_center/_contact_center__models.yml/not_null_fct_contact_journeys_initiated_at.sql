
    
    



select initiated_at
from "iceberg"."connect_lake_marts"."fct_contact_journeys"
where initiated_at is null


