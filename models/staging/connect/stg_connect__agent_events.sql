{{
    config(
        materialized='incremental',
        unique_key='event_id',
        incremental_strategy='merge',
    )
}}
-- One row per agent event (EventId), re-deliveries removed: who, when, what kind, and the agent's selected
-- status and configuration after it. Kinesis delivers at least once: a repeated EventId is the same event,
-- so one copy is kept (the first landed, so the choice does not depend on read order). The contacts on the
-- desk are in stg_connect__agent_event_contacts.
{%- set columns = [
    'event_id', 'agent_arn', 'agent_id', 'event_type', 'event_at', 'instance_arn', 'aws_account_id',
    'event_version', 'agent_status_arn', 'agent_status_name', 'agent_status_type', 'agent_status_started_at',
    'next_agent_status_name', 'next_agent_status_enqueued_at', 'agent_username', 'agent_first_name',
    'agent_last_name', 'routing_profile_arn', 'routing_profile_name', 'agent_hierarchy_level1',
    'agent_hierarchy_level2', 'agent_hierarchy_level3', 'agent_hierarchy_level4', 'agent_hierarchy_level5',
    'contacts', '_source_file', '_datehour', '_line_number',
] %}
with new_copies as (
    select * from {{ ref('base_connect__agent_events') }}
    where _row_kind = 'record' and {{ connect_lake.ingested_since_last_run() }}
),

{{ connect_lake.keep_one_copy('new_copies', 'event_id', '_source_file, _line_number', columns) }}

select
    {{ columns | join(',\n    ') }},
    cast({{ connect_lake.array_length('contacts') }} as bigint) as contacts_on_desk,
    delivery_count,
    newest_ingested_at as _ingested_at
from ranked
where copy_rank = 1
