{{
    config(
        materialized='incremental',
        unique_key='queue_snapshot_key',
        incremental_strategy='merge',
    )
}}
-- One row per queue per daily configuration snapshot: its hours of operation, capacity (max contacts),
-- status and outbound caller settings as the snapshot saw them. A snapshot object landed twice is kept once.
{%- set columns = [
    'queue_snapshot_key', 'queue_id', 'queue_arn', 'queue_name', 'queue_description', 'hours_of_operation_id',
    'max_contacts', 'queue_status', 'outbound_caller_id_name', 'outbound_caller_id_number_id',
    'outbound_whisper_flow_id', 'snapshot_at', '_source_file', '_datehour', '_line_number',
] %}
{{ connect_lake.config_snapshot_staging(
    ref('base_connect__config_queues'), 'queue_snapshot_key', columns
) }}
