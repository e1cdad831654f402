
    
    



select is_callback_requested
from "iceberg"."connect_lake_marts"."fct_contacts"
where is_callback_requested is null


