
    
    



select contact_id
from "iceberg"."connect_lake_intermediate"."int_contact_legs__classified"
where contact_id is null


