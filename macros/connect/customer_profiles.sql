{% macro changed_customer_profiles() -%}
    select profile_id
    from {{ ref('stg_connect__customer_profile_events') }}
    where {{ connect_lake.ingested_since_last_run() }}
    union
    select duplicates.merged_profile_id as profile_id
    from {{ ref('stg_connect__customer_profile_events') }} as merges
    cross join unnest(merges.merged_profile_ids) as duplicates (merged_profile_id)
    where merges.event_type = 'MERGED' and {{ connect_lake.ingested_since_last_run('merges._ingested_at') }}
{%- endmacro %}
