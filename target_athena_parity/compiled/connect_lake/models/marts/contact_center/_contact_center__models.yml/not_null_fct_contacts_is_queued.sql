
    
    



select is_queued
from "awsdatacatalog"."connect_lake_marts"."fct_contacts"
where is_queued is null


