
    
    

select
    agent_interval_id as unique_field,
    count(*) as n_records

from "iceberg"."connect_lake_marts"."fct_agent_intervals"
where agent_interval_id is not null
group by agent_interval_id
having count(*) > 1


