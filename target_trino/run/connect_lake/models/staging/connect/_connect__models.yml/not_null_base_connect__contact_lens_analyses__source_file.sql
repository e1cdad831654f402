
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    



select _source_file
from "iceberg"."connect_lake_staging"."base_connect__contact_lens_analyses"
where _source_file is null



  
  
      
    ) dbt_internal_test