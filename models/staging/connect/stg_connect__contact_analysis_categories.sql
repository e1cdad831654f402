-- One row per analysed contact leg and Contact Lens category (rule) its newest analysis matched.
with analyses as (
    select * from {{ ref('stg_connect__contact_analyses') }}
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

select * from matched
