
    
    



select initiated_at
from "iceberg"."connect_lake_marts"."fct_contacts"
where initiated_at is null


