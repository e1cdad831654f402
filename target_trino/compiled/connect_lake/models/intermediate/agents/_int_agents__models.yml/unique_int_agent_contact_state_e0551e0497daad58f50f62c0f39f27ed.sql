
    
    

select
    agent_contact_state_span_id as unique_field,
    count(*) as n_records

from "iceberg"."connect_lake_intermediate"."int_agent_contact_state_spans__sequenced"
where agent_contact_state_span_id is not null
group by agent_contact_state_span_id
having count(*) > 1


