
    
    



select contact_id
from "awsdatacatalog"."connect_lake_marts"."fct_contacts"
where contact_id is null


