
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    select
        agent_arn, interval_start,
        count(*) as occurrences
    from "iceberg"."connect_lake_marts"."fct_agent_intervals"
    group by agent_arn, interval_start
    having count(*) > 1

  
  
      
    ) dbt_internal_test