
    
    



select channel
from "iceberg"."connect_lake_marts"."fct_queue_intervals"
where channel is null


