
    select *
    from "iceberg"."connect_lake_intermediate"."int_agent_status_spans__sessionized"
    where not (ended_at >= started_at)
