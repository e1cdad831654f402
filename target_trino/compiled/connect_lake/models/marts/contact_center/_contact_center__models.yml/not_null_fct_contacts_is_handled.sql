
    
    



select is_handled
from "iceberg"."connect_lake_marts"."fct_contacts"
where is_handled is null


