
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    



select _raw_source
from "iceberg"."connect_lake_staging"."base_connect__contact_lens_analyses"
where _raw_source is null



  
  
      
    ) dbt_internal_test