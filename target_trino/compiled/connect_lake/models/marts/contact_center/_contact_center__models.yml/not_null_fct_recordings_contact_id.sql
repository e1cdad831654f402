
    
    



select contact_id
from "iceberg"."connect_lake_marts"."fct_recordings"
where contact_id is null


