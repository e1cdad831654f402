
    
    



select has_repeat_contact
from "awsdatacatalog"."connect_lake_marts"."fct_contact_journeys"
where has_repeat_contact is null


