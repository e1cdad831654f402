
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    



select raw_source
from "iceberg"."connect_lake_staging"."stg_connect__landing_accounting"
where raw_source is null



  
  
      
    ) dbt_internal_test