
    
    

with all_values as (

    select
        entry_contact_flow_type as value_field,
        count(*) as n_records

    from "iceberg"."connect_lake_marts"."fct_ivr_journeys"
    group by entry_contact_flow_type

)

select *
from all_values
where value_field not in (
    'CONTACT_FLOW','CUSTOMER_QUEUE','CUSTOMER_HOLD','CUSTOMER_WHISPER','AGENT_HOLD','AGENT_WHISPER','OUTBOUND_WHISPER','AGENT_TRANSFER','QUEUE_TRANSFER'
)


