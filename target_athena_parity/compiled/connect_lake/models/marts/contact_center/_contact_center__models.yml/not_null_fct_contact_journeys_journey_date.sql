
    
    



select journey_date
from "awsdatacatalog"."connect_lake_marts"."fct_contact_journeys"
where journey_date is null


