
    
    



select _source_file
from "iceberg"."connect_lake_staging"."base_connect__customer_profiles"
where _source_file is null


