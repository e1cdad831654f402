
    
    

with all_values as (

    select
        queue_type as value_field,
        count(*) as n_records

    from "iceberg"."connect_lake_marts"."dim_queues"
    group by queue_type

)

select *
from all_values
where value_field not in (
    'STANDARD','AGENT'
)


