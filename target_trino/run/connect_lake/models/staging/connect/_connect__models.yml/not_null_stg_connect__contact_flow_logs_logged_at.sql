
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    



select logged_at
from "iceberg"."connect_lake_staging"."stg_connect__contact_flow_logs"
where logged_at is null



  
  
      
    ) dbt_internal_test