
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    



select channel
from "iceberg"."connect_lake_marts"."fct_queue_intervals"
where channel is null



  
  
      
    ) dbt_internal_test