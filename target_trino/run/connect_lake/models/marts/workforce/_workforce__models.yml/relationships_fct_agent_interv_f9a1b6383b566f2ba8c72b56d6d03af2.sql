
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    

with child as (
    select agent_version_key as from_field
    from "iceberg"."connect_lake_marts"."fct_agent_intervals"
    where agent_version_key is not null
),

parent as (
    select agent_version_key as to_field
    from "iceberg"."connect_lake_marts"."dim_agents"
)

select
    from_field

from child
left join parent
    on child.from_field = parent.to_field

where parent.to_field is null



  
  
      
    ) dbt_internal_test