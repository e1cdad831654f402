
    select *
    from "iceberg"."connect_lake_marts"."fct_queue_intervals"
    where
        (service_level_pct < 0 or service_level_pct > 100) or
        (answered_in_x_pct < 0 or answered_in_x_pct > 100) or
        (abandonment_rate_pct < 0 or abandonment_rate_pct > 100)
