
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    



select flow_block_id
from "iceberg"."connect_lake_marts"."fct_contact_flow_blocks"
where flow_block_id is null



  
  
      
    ) dbt_internal_test