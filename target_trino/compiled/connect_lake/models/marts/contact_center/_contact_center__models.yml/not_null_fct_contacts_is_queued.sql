
    
    



select is_queued
from "iceberg"."connect_lake_marts"."fct_contacts"
where is_queued is null


