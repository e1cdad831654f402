
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    select *
    from "iceberg"."connect_lake_marts"."fct_agent_status_spans"
    where not (duration_s >= 0)

  
  
      
    ) dbt_internal_test