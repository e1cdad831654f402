
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    



select module_type
from "iceberg"."connect_lake_marts"."fct_contact_flow_blocks"
where module_type is null



  
  
      
    ) dbt_internal_test