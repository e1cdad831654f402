
    
    



select is_callback_requested
from "awsdatacatalog"."connect_lake_marts"."fct_contacts"
where is_callback_requested is null


