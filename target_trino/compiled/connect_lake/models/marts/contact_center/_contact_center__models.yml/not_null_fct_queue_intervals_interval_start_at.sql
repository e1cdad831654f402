
    
    



select interval_start_at
from "iceberg"."connect_lake_marts"."fct_queue_intervals"
where interval_start_at is null


