
    
    



select contact_date
from "awsdatacatalog"."connect_lake_marts"."fct_contacts"
where contact_date is null


