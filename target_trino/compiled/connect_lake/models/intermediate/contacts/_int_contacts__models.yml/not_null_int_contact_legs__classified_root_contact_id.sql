
    
    



select root_contact_id
from "iceberg"."connect_lake_intermediate"."int_contact_legs__classified"
where root_contact_id is null


