
    
    



select service_level_threshold_s
from "iceberg"."connect_lake_marts"."dim_queues"
where service_level_threshold_s is null


