
    select
        profile_id, version_number,
        count(*) as occurrences
    from "iceberg"."connect_lake_marts"."dim_customers"
    group by profile_id, version_number
    having count(*) > 1
