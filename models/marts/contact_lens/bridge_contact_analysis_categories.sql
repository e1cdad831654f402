{{
    config(
        materialized='incremental',
        incremental_strategy='append',
        pre_hook="{{ connect_lake.delete_rows_to_rebuild(
            'contact_category_id', connect_lake.changed_keys(ref('fct_contact_analysis'), 'contact_id'), ['contact_id']
        ) }}",
    )
}}
-- One row per analysed contact leg and Contact Lens category it matched: the bridge between
-- fct_contact_analysis and the categories, for category rates by queue, agent or day.
with categories as (
    select * from {{ ref('stg_connect__contact_analysis_categories') }}
    {%- if is_incremental() %}
    where contact_id in ({{ connect_lake.changed_keys(ref('fct_contact_analysis'), 'contact_id') }})
    {%- endif %}
),

analyses as (
    select * from {{ ref('fct_contact_analysis') }}
    where {{ connect_lake.ingested_since_last_run() }}
),

final as (
    select
        {{ connect_lake.surrogate_key([
            'categories.contact_id',
            'categories.category_name'
        ]) }} as contact_category_id,
        categories.contact_id,
        categories.category_name,
        analyses.channel,
        analyses.queue_name,
        analyses.agent_arn,
        analyses.agent_version_key,
        analyses.contact_date,
        {{ connect_lake.ingested_at() }} as _ingested_at
    from categories
    inner join analyses on categories.contact_id = analyses.contact_id
)

select * from final
