
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    



select is_transferred_out
from "iceberg"."connect_lake_marts"."fct_contacts"
where is_transferred_out is null



  
  
      
    ) dbt_internal_test