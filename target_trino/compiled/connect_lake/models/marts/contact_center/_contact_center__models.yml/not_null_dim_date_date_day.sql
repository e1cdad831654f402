
    
    



select date_day
from "iceberg"."connect_lake_marts"."dim_date"
where date_day is null


