
    
    



select category_name
from "iceberg"."connect_lake_marts"."fct_contact_analysis_categories"
where category_name is null


