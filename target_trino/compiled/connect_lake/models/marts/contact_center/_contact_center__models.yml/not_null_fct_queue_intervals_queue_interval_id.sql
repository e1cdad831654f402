
    
    



select queue_interval_id
from "iceberg"."connect_lake_marts"."fct_queue_intervals"
where queue_interval_id is null


