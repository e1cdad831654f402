
    
    



select contact_id
from "iceberg"."connect_lake_marts"."fct_contact_flow_blocks"
where contact_id is null


