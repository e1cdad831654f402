
-- One row per analysed contact leg and Contact Lens category (rule) its newest analysis matched. An
-- incremental run rebuilds the contacts whose newest analysis changed.
with analyses as (
    select * from "iceberg"."connect_lake_staging"."stg_connect__contact_analyses"
    where true
),

matched as (
    select distinct
        analyses.contact_id,
        analyses.channel,
        analyses.analysed_at,
        categories.category_name,
        analyses._ingested_at
    from analyses
    cross join unnest(analyses.matched_categories) as categories (category_name)
)

select
    contact_id || '|' || category_name as contact_category_id,
    *
from matched