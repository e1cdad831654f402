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
with new_copies as (
    select * from {{ ref('base_connect__config_routing_profiles') }}
    where
        _row_kind = 'record'
        and {{ connect_lake.ingested_since_last_run() }}
),

{{ connect_lake.keep_one_copy(
    'new_copies', 'routing_profile_snapshot_key', '_source_file, _line_number', columns
) }}

select
    {{ columns | join(',\n    ') }},
    delivery_count,
    newest_ingested_at as _ingested_at
from ranked
where copy_rank = 1
