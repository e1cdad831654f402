
    
    



select _raw_source
from "iceberg"."connect_lake_staging"."base_connect__contact_lens_analyses"
where _raw_source is null


