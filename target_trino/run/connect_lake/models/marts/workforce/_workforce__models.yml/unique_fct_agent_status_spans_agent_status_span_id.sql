
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    

select
    agent_status_span_id as unique_field,
    count(*) as n_records

from "iceberg"."connect_lake_marts"."fct_agent_status_spans"
where agent_status_span_id is not null
group by agent_status_span_id
having count(*) > 1



  
  
      
    ) dbt_internal_test