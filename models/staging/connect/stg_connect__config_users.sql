{{
    config(
        materialized='incremental',
        unique_key='user_snapshot_key',
        incremental_strategy='merge',
    )
}}
-- One row per user (agent) per daily configuration snapshot: routing profile, hierarchy group and phone
-- settings as configured at the snapshot's moment. A snapshot object landed twice is kept once.
{%- set columns = [
    'user_snapshot_key', 'agent_id', 'agent_arn', 'agent_username', 'agent_first_name', 'agent_last_name',
    'phone_type', 'is_auto_accept', 'after_contact_work_time_limit_s', 'routing_profile_id', 'hierarchy_group_id',
    'snapshot_at', '_source_file', '_datehour', '_line_number',
] %}
with new_copies as (
    select * from {{ ref('base_connect__config_users') }}
    where
        _row_kind = 'record'
        and {{ connect_lake.ingested_since_last_run() }}
),

{{ connect_lake.keep_one_copy(
    'new_copies', 'user_snapshot_key', '_source_file, _line_number', columns
) }}

select
    {{ columns | join(',\n    ') }},
    delivery_count,
    newest_ingested_at as _ingested_at
from ranked
where copy_rank = 1
