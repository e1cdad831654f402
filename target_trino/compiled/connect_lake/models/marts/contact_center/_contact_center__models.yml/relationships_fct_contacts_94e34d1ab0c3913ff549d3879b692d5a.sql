
    
    

with child as (
    select queue_arn as from_field
    from "iceberg"."connect_lake_marts"."fct_contacts"
    where queue_arn is not null
),

parent as (
    select queue_arn as to_field
    from "iceberg"."connect_lake_marts"."dim_queues"
)

select
    from_field

from child
left join parent
    on child.from_field = parent.to_field

where parent.to_field is null


