
    
    



select contact_id
from "iceberg"."connect_lake_marts"."fct_contact_analysis_categories"
where contact_id is null


