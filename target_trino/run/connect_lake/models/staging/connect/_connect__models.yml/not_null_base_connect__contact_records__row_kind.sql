
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    



select _row_kind
from "iceberg"."connect_lake_staging"."base_connect__contact_records"
where _row_kind is null



  
  
      
    ) dbt_internal_test