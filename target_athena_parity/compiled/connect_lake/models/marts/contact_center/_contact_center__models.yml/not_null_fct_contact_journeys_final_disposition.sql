
    
    



select final_disposition
from "awsdatacatalog"."connect_lake_marts"."fct_contact_journeys"
where final_disposition is null


