
    
    



select final_disposition
from "iceberg"."connect_lake_marts"."fct_contact_journeys"
where final_disposition is null


