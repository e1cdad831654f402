
    select *
    from "iceberg"."connect_lake_staging"."base_connect__agent_events"
    where not (_row_kind <> 'record' or event_id is not null)
