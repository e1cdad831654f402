
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    select *
    from "iceberg"."connect_lake_intermediate"."int_agent_status_spans__sessionized"
    where not (ended_at >= started_at)

  
  
      
    ) dbt_internal_test