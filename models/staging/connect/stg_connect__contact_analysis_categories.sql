{{
    config(
        materialized='incremental',
        incremental_strategy='append',
        pre_hook="{{ connect_lake.delete_rows_to_rebuild(
            'contact_category_id', connect_lake.changed_keys(ref('stg_connect__contact_analyses'), 'contact_id'),
            ['contact_id']
        ) }}",
    )
}}
-- One row per analysed contact leg and Contact Lens category (rule) its newest analysis matched. An
-- incremental run rebuilds the contacts whose newest analysis changed.
with analyses as (
    select * from {{ ref('stg_connect__contact_analyses') }}
    where {{ connect_lake.ingested_since_last_run() }}
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
    {{ connect_lake.surrogate_key(['contact_id', 'category_name']) }} as contact_category_id,
    *
from matched
