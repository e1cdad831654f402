
    
    

with child as (
    select contact_id as from_field
    from "iceberg"."connect_lake_marts"."fct_contact_analysis_categories"
    where contact_id is not null
),

parent as (
    select contact_id as to_field
    from "iceberg"."connect_lake_marts"."fct_contact_analysis"
)

select
    from_field

from child
left join parent
    on child.from_field = parent.to_field

where parent.to_field is null


