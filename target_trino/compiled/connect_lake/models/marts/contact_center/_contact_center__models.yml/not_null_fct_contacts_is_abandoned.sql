
    
    



select is_abandoned
from "iceberg"."connect_lake_marts"."fct_contacts"
where is_abandoned is null


