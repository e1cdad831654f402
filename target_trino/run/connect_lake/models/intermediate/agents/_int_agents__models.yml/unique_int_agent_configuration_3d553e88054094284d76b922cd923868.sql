
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    

select
    agent_configuration_change_id as unique_field,
    count(*) as n_records

from "iceberg"."connect_lake_intermediate"."int_agent_configuration_changes__detected"
where agent_configuration_change_id is not null
group by agent_configuration_change_id
having count(*) > 1



  
  
      
    ) dbt_internal_test