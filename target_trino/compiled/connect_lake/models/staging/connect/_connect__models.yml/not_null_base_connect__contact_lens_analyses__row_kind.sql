
    
    



select _row_kind
from "iceberg"."connect_lake_staging"."base_connect__contact_lens_analyses"
where _row_kind is null


