
    select
        raw_source,
        quarantine_reason,
        count(*) as quarantined
    from "iceberg"."connect_lake_staging"."stg_connect__quarantine"
    group by raw_source, quarantine_reason
