{{
    config(
        materialized='incremental',
        unique_key='contact_id',
        incremental_strategy='merge',
    )
}}
-- One row per contact leg: the newest delivered copy of each contact record. Connect delivers records at
-- least once and re-delivers them when they change, so the latest LastUpdateTimestamp wins; equal copies
-- are broken by the object they landed in, newest first, so the result does not depend on read order.
{%- set columns = [
    'contact_id', 'initial_contact_id', 'previous_contact_id', 'next_contact_id', 'related_contact_id',
    'instance_arn', 'aws_account_id', 'channel', 'initiation_method', 'disconnect_reason',
    'queue_arn', 'queue_name', 'agent_arn', 'agent_username', 'routing_profile_arn', 'routing_profile_name',
    'agent_hierarchy_level1', 'agent_hierarchy_level2', 'agent_hierarchy_level3',
    'customer_endpoint_type', 'customer_key', 'system_endpoint_address', 'transferred_to_endpoint_address',
    'queue_duration_s', 'agent_interaction_duration_s', 'customer_hold_duration_s', 'hold_count',
    'longest_hold_duration_s', 'after_contact_work_duration_s', 'agent_pause_duration_s',
    'agent_connection_attempt_count', 'external_third_party_duration_s',
    'initiated_at', 'connected_to_system_at', 'enqueued_at', 'dequeued_at', 'connected_to_agent_at',
    'after_contact_work_started_at', 'after_contact_work_ended_at', 'transfer_completed_at', 'disconnected_at',
    'scheduled_at', 'last_updated_at',
    'recording_location', 'recording_status', 'recordings', 'attributes_json', 'chat_metrics_json',
    'agent_audio_quality_score', 'has_agent_audio_high_packet_loss', 'has_agent_audio_high_round_trip_time',
    'has_agent_audio_high_jitter_buffer',
    'customer_audio_quality_score', 'has_customer_audio_high_packet_loss',
    'has_customer_audio_high_round_trip_time', 'has_customer_audio_high_jitter_buffer',
    '_source_file', '_datehour', '_line_number',
] %}
with new_copies as (
    select * from {{ ref('base_connect__contact_records') }}
    where _row_kind = 'record' and {{ connect_lake.ingested_since_last_run() }}
),

{{ connect_lake.keep_one_copy(
    'new_copies', 'contact_id', 'last_updated_at desc, _source_file desc, _line_number desc', columns
) }}

select
    {{ columns | join(',\n    ') }},
    -- derived here once, for every model that needs them
    coalesce(initial_contact_id, contact_id) as root_contact_id,
    {{ dbt.split_part('agent_arn', "'/'", 4) }} as agent_id,
    delivery_count,
    newest_ingested_at as _ingested_at
from ranked
where copy_rank = 1
