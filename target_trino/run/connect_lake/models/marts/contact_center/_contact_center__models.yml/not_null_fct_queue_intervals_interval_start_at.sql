
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    



select interval_start_at
from "iceberg"."connect_lake_marts"."fct_queue_intervals"
where interval_start_at is null



  
  
      
    ) dbt_internal_test