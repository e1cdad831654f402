
    
    



select is_transferred_in
from "iceberg"."connect_lake_marts"."fct_contacts"
where is_transferred_in is null


