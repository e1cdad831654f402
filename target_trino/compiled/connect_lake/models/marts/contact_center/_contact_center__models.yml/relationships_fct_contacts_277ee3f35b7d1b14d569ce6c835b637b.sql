
    
    

with child as (
    select initiation_method as from_field
    from "iceberg"."connect_lake_marts"."fct_contacts"
    where initiation_method is not null
),

parent as (
    select initiation_method as to_field
    from "iceberg"."connect_lake_reference"."connect__initiation_methods"
)

select
    from_field

from child
left join parent
    on child.from_field = parent.to_field

where parent.to_field is null


