
    
    



select recording_location
from "iceberg"."connect_lake_marts"."fct_recordings"
where recording_location is null


