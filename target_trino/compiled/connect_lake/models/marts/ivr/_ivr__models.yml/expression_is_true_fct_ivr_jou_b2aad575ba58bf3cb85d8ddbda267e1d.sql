
    select *
    from "iceberg"."connect_lake_marts"."fct_ivr_journeys"
    where not (ivr_outcome <> 'queued' or reached_queue)
