
    
    



select contact_id
from "iceberg"."connect_lake_staging"."stg_connect__contact_analysis_categories"
where contact_id is null


