
    
    

with child as (
    select agent_arn as from_field
    from "iceberg"."connect_lake_marts"."fct_contacts"
    where agent_arn is not null
),

parent as (
    select agent_arn as to_field
    from "iceberg"."connect_lake_marts"."dim_agents"
)

select
    from_field

from child
left join parent
    on child.from_field = parent.to_field

where parent.to_field is null


