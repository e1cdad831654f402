
    select *
    from "iceberg"."connect_lake_staging"."base_connect__contact_flow_logs"
    where not ((_row_kind = 'record') = (quarantine_reason is null and _row_kind <> 'blank_line'))
