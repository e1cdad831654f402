
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    



select flow_log_entry_id
from "iceberg"."connect_lake_staging"."stg_connect__contact_flow_logs"
where flow_log_entry_id is null



  
  
      
    ) dbt_internal_test