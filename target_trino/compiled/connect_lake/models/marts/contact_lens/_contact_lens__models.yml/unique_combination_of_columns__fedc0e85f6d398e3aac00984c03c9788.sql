
    select
        contact_id, category_name,
        count(*) as occurrences
    from "iceberg"."connect_lake_marts"."fct_contact_analysis_categories"
    group by contact_id, category_name
    having count(*) > 1
