
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    



select source_file
from "iceberg"."connect_lake_staging"."stg_connect__quarantine"
where source_file is null



  
  
      
    ) dbt_internal_test