
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    



select queue_name
from "iceberg"."connect_lake_marts"."fct_queue_intervals"
where queue_name is null



  
  
      
    ) dbt_internal_test