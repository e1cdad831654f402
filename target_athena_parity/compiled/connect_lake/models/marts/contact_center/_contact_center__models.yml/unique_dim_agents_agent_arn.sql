
    
    

select
    agent_arn as unique_field,
    count(*) as n_records

from "awsdatacatalog"."connect_lake_marts"."dim_agents"
where agent_arn is not null
group by agent_arn
having count(*) > 1


