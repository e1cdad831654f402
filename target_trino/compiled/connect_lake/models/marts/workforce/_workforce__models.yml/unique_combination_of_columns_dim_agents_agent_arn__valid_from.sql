
    select
        agent_arn, valid_from,
        count(*) as occurrences
    from "iceberg"."connect_lake_marts"."dim_agents"
    group by agent_arn, valid_from
    having count(*) > 1
