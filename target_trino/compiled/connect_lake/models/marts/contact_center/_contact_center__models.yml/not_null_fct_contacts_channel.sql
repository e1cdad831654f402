
    
    



select channel
from "iceberg"."connect_lake_marts"."fct_contacts"
where channel is null


