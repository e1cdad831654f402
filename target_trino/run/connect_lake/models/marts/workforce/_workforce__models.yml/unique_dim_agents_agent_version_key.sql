
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    

select
    agent_version_key as unique_field,
    count(*) as n_records

from "iceberg"."connect_lake_marts"."dim_agents"
where agent_version_key is not null
group by agent_version_key
having count(*) > 1



  
  
      
    ) dbt_internal_test