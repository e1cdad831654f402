
    
    



select is_transferred_out
from "awsdatacatalog"."connect_lake_marts"."fct_contacts"
where is_transferred_out is null


