
    
    



select customer_version_key
from "iceberg"."connect_lake_marts"."dim_customers"
where customer_version_key is null


