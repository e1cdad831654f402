
    select *
    from "iceberg"."connect_lake_marts"."fct_agent_status_spans"
    where not (duration_s >= 0)
