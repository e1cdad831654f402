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
{{ connect_lake.config_snapshot_staging(
    ref('base_connect__config_users'), 'user_snapshot_key', columns
) }}
