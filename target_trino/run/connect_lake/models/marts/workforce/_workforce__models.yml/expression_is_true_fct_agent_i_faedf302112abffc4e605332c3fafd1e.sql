
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    select *
    from "iceberg"."connect_lake_marts"."fct_agent_intervals"
    where not (occupancy_pct between 0 and 100.0001)

  
  
      
    ) dbt_internal_test