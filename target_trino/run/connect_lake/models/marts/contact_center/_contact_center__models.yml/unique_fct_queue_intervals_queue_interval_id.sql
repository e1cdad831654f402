
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    

select
    queue_interval_id as unique_field,
    count(*) as n_records

from "iceberg"."connect_lake_marts"."fct_queue_intervals"
where queue_interval_id is not null
group by queue_interval_id
having count(*) > 1



  
  
      
    ) dbt_internal_test