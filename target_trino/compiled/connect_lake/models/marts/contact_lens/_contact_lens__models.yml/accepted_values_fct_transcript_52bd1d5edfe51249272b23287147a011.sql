
    
    

with all_values as (

    select
        participant_role as value_field,
        count(*) as n_records

    from "iceberg"."connect_lake_marts"."fct_transcript_turns"
    group by participant_role

)

select *
from all_values
where value_field not in (
    'AGENT','CUSTOMER','SYSTEM'
)


