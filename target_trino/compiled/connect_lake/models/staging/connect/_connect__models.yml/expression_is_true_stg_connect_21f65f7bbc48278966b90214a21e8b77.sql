
    select *
    from "iceberg"."connect_lake_staging"."stg_connect__landing_accounting"
    where not (lines_read = blank_lines + lines_quarantined + records_staged)
