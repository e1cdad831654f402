
    
    



select queue_arn
from "awsdatacatalog"."connect_lake_marts"."dim_queues"
where queue_arn is null


