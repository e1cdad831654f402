{{
    config(
        materialized='incremental',
        unique_key='contact_flow_snapshot_key',
        incremental_strategy='merge',
    )
}}
-- One row per flow per daily configuration snapshot: its name, type (CONTACT_FLOW, CUSTOMER_QUEUE,
-- AGENT_TRANSFER, ...), state and status. A snapshot object landed twice is kept once.
{%- set columns = [
    'contact_flow_snapshot_key', 'contact_flow_id', 'contact_flow_arn', 'contact_flow_name', 'contact_flow_type',
    'contact_flow_state', 'contact_flow_status', 'snapshot_at', '_source_file', '_datehour', '_line_number',
] %}
{{ connect_lake.config_snapshot_staging(
    ref('base_connect__config_contact_flows'), 'contact_flow_snapshot_key', columns
) }}
