{{
    config(
        materialized='incremental',
        unique_key='agent_event_contact_id',
        incremental_strategy='merge',
    )
}}
-- One row per agent event × contact on the agent's desk after the event (the snapshot's Contacts[]
-- flattened), with the contact's state and when it entered that state. The agent event stream spells the
-- task channel TASKS; it is mapped to TASK, the contact records' spelling, so channels join.
with events as (
    select * from {{ ref('stg_connect__agent_events') }}
    where {{ connect_lake.ingested_since_last_run() }}
),

flattened as (
    select
        events.event_id,
        events.agent_arn,
        events.agent_id,
        events.event_type,
        events.event_at,
        events._ingested_at,
        desk.contact_id,
        desk.initial_contact_id,
        desk.channel as raw_channel,
        desk.initiation_method,
        desk.contact_state,
        desk.state_start_timestamp,
        desk.connected_to_agent_timestamp,
        desk.queue_timestamp,
        desk.queue.arn as queue_arn,
        desk.queue.name as queue_name
    from events
    {{ connect_lake.unnest_rows(
        'events.contacts', 'desk',
        ['contact_id', 'initial_contact_id', 'channel', 'initiation_method', 'contact_state',
         'state_start_timestamp', 'connected_to_agent_timestamp', 'queue_timestamp', 'queue']
    ) }}
),

final as (
    select
        {{ connect_lake.surrogate_key(['event_id', 'contact_id']) }} as agent_event_contact_id,
        event_id,
        agent_arn,
        agent_id,
        event_type,
        event_at,
        contact_id,
        initial_contact_id,
        case raw_channel when 'TASKS' then 'TASK' else raw_channel end as channel,
        initiation_method,
        contact_state,
        {{ connect_lake.try_parse_iso8601_ts('state_start_timestamp') }} as contact_state_started_at,
        {{ connect_lake.try_parse_iso8601_ts('connected_to_agent_timestamp') }} as connected_to_agent_at,
        {{ connect_lake.try_parse_iso8601_ts('queue_timestamp') }} as enqueued_at,
        queue_arn,
        queue_name,
        _ingested_at
    from flattened
)

select * from final
