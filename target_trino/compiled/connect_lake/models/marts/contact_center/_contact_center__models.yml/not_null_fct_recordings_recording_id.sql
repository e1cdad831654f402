
    
    



select recording_id
from "iceberg"."connect_lake_marts"."fct_recordings"
where recording_id is null


