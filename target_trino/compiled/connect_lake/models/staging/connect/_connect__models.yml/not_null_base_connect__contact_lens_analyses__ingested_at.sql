
    
    



select _ingested_at
from "iceberg"."connect_lake_staging"."base_connect__contact_lens_analyses"
where _ingested_at is null


