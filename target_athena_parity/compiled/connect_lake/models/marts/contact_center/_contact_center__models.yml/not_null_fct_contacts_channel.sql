
    
    



select channel
from "awsdatacatalog"."connect_lake_marts"."fct_contacts"
where channel is null


