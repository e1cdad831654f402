
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    

select
    queue_arn as unique_field,
    count(*) as n_records

from "iceberg"."connect_lake_marts"."dim_queues"
where queue_arn is not null
group by queue_arn
having count(*) > 1



  
  
      
    ) dbt_internal_test