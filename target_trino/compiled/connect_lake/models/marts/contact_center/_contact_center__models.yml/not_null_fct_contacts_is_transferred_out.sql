
    
    



select is_transferred_out
from "iceberg"."connect_lake_marts"."fct_contacts"
where is_transferred_out is null


