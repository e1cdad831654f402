
    
    



select root_contact_id
from "awsdatacatalog"."connect_lake_marts"."fct_contact_journeys"
where root_contact_id is null


