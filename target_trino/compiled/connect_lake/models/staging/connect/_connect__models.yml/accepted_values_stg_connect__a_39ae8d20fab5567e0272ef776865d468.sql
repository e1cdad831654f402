
    
    

with all_values as (

    select
        channel as value_field,
        count(*) as n_records

    from "iceberg"."connect_lake_staging"."stg_connect__agent_event_contacts"
    group by channel

)

select *
from all_values
where value_field not in (
    'VOICE','CHAT','TASK','EMAIL'
)


