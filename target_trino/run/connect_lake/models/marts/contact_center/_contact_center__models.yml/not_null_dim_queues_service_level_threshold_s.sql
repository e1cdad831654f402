
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    



select service_level_threshold_s
from "iceberg"."connect_lake_marts"."dim_queues"
where service_level_threshold_s is null



  
  
      
    ) dbt_internal_test