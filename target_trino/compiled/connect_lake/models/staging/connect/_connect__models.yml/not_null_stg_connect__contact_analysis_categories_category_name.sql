
    
    



select category_name
from "iceberg"."connect_lake_staging"."stg_connect__contact_analysis_categories"
where category_name is null


