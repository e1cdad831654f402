
    
    



select _source_file
from "iceberg"."connect_lake_staging"."base_connect__contact_records"
where _source_file is null


