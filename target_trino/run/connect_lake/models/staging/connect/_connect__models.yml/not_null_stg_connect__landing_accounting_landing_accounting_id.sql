
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    



select landing_accounting_id
from "iceberg"."connect_lake_staging"."stg_connect__landing_accounting"
where landing_accounting_id is null



  
  
      
    ) dbt_internal_test