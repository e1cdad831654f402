
    
    

with all_values as (

    select
        channel as value_field,
        count(*) as n_records

    from "iceberg"."connect_lake_marts"."fct_contact_analysis"
    group by channel

)

select *
from all_values
where value_field not in (
    'VOICE','CHAT'
)


