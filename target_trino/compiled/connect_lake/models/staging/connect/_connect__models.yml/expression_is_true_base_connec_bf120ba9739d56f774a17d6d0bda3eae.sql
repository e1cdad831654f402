
    select *
    from "iceberg"."connect_lake_staging"."base_connect__contact_flow_logs"
    where not (_row_kind <> 'record' or contact_id is not null)
