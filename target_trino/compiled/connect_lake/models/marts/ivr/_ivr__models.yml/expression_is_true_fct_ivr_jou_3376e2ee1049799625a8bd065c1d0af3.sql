
    select *
    from "iceberg"."connect_lake_marts"."fct_ivr_journeys"
    where not (external_call_error_count <= external_call_count)
