
    
    



select _raw_source
from "iceberg"."connect_lake_staging"."base_connect__contact_records"
where _raw_source is null


