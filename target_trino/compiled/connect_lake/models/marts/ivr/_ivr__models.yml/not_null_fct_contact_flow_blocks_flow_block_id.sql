
    
    



select flow_block_id
from "iceberg"."connect_lake_marts"."fct_contact_flow_blocks"
where flow_block_id is null


