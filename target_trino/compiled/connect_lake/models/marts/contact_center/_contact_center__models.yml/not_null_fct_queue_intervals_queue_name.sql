
    
    



select queue_name
from "iceberg"."connect_lake_marts"."fct_queue_intervals"
where queue_name is null


