
    
    



select contact_date
from "iceberg"."connect_lake_marts"."fct_contacts"
where contact_date is null


