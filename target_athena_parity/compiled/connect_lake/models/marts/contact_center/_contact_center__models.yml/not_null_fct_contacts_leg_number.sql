
    
    



select leg_number
from "awsdatacatalog"."connect_lake_marts"."fct_contacts"
where leg_number is null


