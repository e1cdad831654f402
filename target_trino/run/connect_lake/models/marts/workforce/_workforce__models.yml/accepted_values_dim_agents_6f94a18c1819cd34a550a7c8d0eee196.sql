
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    

with all_values as (

    select
        version_source as value_field,
        count(*) as n_records

    from "iceberg"."connect_lake_marts"."dim_agents"
    group by version_source

)

select *
from all_values
where value_field not in (
    'agent_events','contact_records'
)



  
  
      
    ) dbt_internal_test