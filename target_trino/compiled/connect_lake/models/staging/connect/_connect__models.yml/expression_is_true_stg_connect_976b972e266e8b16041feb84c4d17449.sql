
    select *
    from "iceberg"."connect_lake_staging"."stg_connect__landing_accounting"
    where not (records_staged = records_kept + records_superseded + records_not_modelled)
