
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    



select queue_arn
from "iceberg"."connect_lake_marts"."dim_queues"
where queue_arn is null



  
  
      
    ) dbt_internal_test