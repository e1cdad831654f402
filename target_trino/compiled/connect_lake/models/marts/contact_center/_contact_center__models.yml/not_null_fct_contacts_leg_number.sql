
    
    



select leg_number
from "iceberg"."connect_lake_marts"."fct_contacts"
where leg_number is null


