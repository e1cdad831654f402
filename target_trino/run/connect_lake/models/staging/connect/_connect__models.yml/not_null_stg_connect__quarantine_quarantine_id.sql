
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    



select quarantine_id
from "iceberg"."connect_lake_staging"."stg_connect__quarantine"
where quarantine_id is null



  
  
      
    ) dbt_internal_test