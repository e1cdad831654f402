
    
    

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


