-- One row per analysed contact leg and Contact Lens category (rule) it matched.
with analyses as (
    select * from {{ ref('base_connect__contact_lens_analyses') }}
),

matched as (
    select
        analyses.contact_id,
        analyses.channel,
        analyses.analysed_at,
        categories.category_name
    from analyses
    cross join unnest(analyses.matched_categories) as categories (category_name)
)

select distinct * from matched
