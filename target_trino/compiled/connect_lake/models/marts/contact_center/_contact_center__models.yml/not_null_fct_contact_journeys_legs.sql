
    
    



select legs
from "iceberg"."connect_lake_marts"."fct_contact_journeys"
where legs is null


