
    select *
    from "iceberg"."connect_lake_staging"."base_connect__contact_records"
    where not (_row_kind <> 'record' or contact_id is not null)
