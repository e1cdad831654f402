
    
    



select was_handled
from "awsdatacatalog"."connect_lake_marts"."fct_contact_journeys"
where was_handled is null


