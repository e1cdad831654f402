{{
    config(
        materialized='incremental',
        unique_key='routing_profile_snapshot_key',
        incremental_strategy='merge',
    )
}}
-- One row per routing profile per daily configuration snapshot, with its media concurrency per channel and
-- its queue configs (queue, channel, priority, delay) as arrays; bridge_routing_profile_queues flattens them.
-- A snapshot object landed twice is kept once.
{%- set columns = [
    'routing_profile_snapshot_key', 'routing_profile_id', 'routing_profile_arn', 'routing_profile_name',
    'routing_profile_description', 'default_outbound_queue_id', 'media_concurrencies', 'queue_configs',
    'snapshot_at', '_source_file', '_datehour', '_line_number',
] %}
{{ connect_lake.config_snapshot_staging(
    ref('base_connect__config_routing_profiles'), 'routing_profile_snapshot_key', columns
) }}
