
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    



select last_updated_at
from "iceberg"."connect_lake_staging"."stg_connect__contact_records"
where last_updated_at is null



  
  
      
    ) dbt_internal_test