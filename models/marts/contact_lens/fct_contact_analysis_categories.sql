-- One row per analysed contact leg and Contact Lens category it matched: the bridge between
-- fct_contact_analysis and the categories, for category rates by queue, agent or day.
with categories as (
    select * from {{ ref('stg_connect__contact_analysis_categories') }}
),

analyses as (
    select * from {{ ref('fct_contact_analysis') }}
),

final as (
    select
        {{ dbt.concat(['categories.contact_id', "'|'", 'categories.category_name']) }} as contact_category_id,
        categories.contact_id,
        categories.category_name,
        analyses.channel,
        analyses.queue_name,
        analyses.agent_arn,
        analyses.agent_version_key,
        analyses.contact_date
    from categories
    inner join analyses on categories.contact_id = analyses.contact_id
)

select * from final
