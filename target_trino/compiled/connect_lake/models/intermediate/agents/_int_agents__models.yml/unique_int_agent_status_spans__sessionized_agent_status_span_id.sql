
    
    

select
    agent_status_span_id as unique_field,
    count(*) as n_records

from "iceberg"."connect_lake_intermediate"."int_agent_status_spans__sessionized"
where agent_status_span_id is not null
group by agent_status_span_id
having count(*) > 1


