
    
    



select module_type
from "iceberg"."connect_lake_marts"."fct_contact_flow_blocks"
where module_type is null


