
    select *
    from "iceberg"."connect_lake_marts"."fct_agent_intervals"
    where not (occupancy_pct between 0 and 100.0001)
