
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    



select transcript_item_id
from "iceberg"."connect_lake_staging"."stg_connect__transcript_items"
where transcript_item_id is null



  
  
      
    ) dbt_internal_test