
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    select
        agent_arn, valid_from,
        count(*) as occurrences
    from "iceberg"."connect_lake_marts"."dim_agents"
    group by agent_arn, valid_from
    having count(*) > 1

  
  
      
    ) dbt_internal_test