
    
    



select contact_id
from "iceberg"."connect_lake_marts"."fct_contact_analysis"
where contact_id is null


