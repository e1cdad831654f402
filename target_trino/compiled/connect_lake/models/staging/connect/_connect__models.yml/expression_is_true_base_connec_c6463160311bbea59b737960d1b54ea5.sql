
    select *
    from "iceberg"."connect_lake_staging"."base_connect__customer_profiles"
    where not ((_row_kind = 'record') = (quarantine_reason is null and _row_kind <> 'blank_line'))
