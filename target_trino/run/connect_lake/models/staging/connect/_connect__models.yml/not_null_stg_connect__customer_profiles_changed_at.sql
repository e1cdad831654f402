
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    



select changed_at
from "iceberg"."connect_lake_staging"."stg_connect__customer_profiles"
where changed_at is null



  
  
      
    ) dbt_internal_test