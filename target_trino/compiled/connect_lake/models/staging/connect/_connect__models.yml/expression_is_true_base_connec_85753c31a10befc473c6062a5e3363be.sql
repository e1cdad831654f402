
    select *
    from "iceberg"."connect_lake_staging"."base_connect__agent_events"
    where not ((_row_kind = 'record') = (quarantine_reason is null and _row_kind <> 'blank_line'))
