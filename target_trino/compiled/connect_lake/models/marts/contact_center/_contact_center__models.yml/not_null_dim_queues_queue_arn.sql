
    
    



select queue_arn
from "iceberg"."connect_lake_marts"."dim_queues"
where queue_arn is null


