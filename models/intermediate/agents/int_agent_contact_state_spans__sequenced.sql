{{
    config(
        materialized='incremental',
        incremental_strategy='append',
        pre_hook="{{ connect_lake.delete_rows_to_rebuild(
            'agent_contact_state_span_id', connect_lake.agent_reopen_points(), ['agent_arn'], 'started_at', 'reopen_at'
        ) }}",
    )
}}
-- One row per span a contact spent in one state on one agent's desk: CONNECTING (offered, ringing),
-- CONNECTED, CONNECTED_ONHOLD, PAUSED (tasks), ENDED (the conversation is over and the agent is in
-- after-contact work), MISSED, REJECTED, ERROR, INCOMING and PENDING (callbacks). A state starts at the
-- contact's StateStartTimestamp and ends when the next state starts, or, for the last state, at the first
-- event of the agent that no longer has the contact on the desk (that is how ACW ends). A contact still on
-- the desk when the data ends has no end and is flagged open. An incremental run rebuilds each agent with new
-- events from its reopen point (agent_reopen_points), before which every state had already ended.
with
{%- if is_incremental() %}
reopen as (
    {{ connect_lake.agent_reopen_points() }}
),

desk as (
    select desk.*
    from {{ ref('stg_connect__agent_event_contacts') }} as desk
    inner join reopen on desk.agent_arn = reopen.agent_arn
    where desk.contact_state_started_at >= reopen.reopen_at
),

event_times as (
    select distinct
        events.agent_arn,
        events.event_at
    from {{ ref('stg_connect__agent_events') }} as events
    inner join reopen on events.agent_arn = reopen.agent_arn
    where events.event_at >= reopen.reopen_at
),
{%- else %}
desk as (
    select * from {{ ref('stg_connect__agent_event_contacts') }}
),

event_times as (
    select distinct
        agent_arn,
        event_at
    from {{ ref('stg_connect__agent_events') }}
),
{%- endif %}

events as (
    select
        agent_arn,
        event_at,
        lead(event_at) over (partition by agent_arn order by event_at) as next_event_at
    from event_times
),

states as (
    select
        agent_arn,
        agent_id,
        contact_id,
        contact_state,
        contact_state_started_at as started_at,
        max(initial_contact_id) as initial_contact_id,
        max(channel) as channel,
        max(initiation_method) as initiation_method,
        max(queue_arn) as queue_arn,
        max(queue_name) as queue_name,
        max(connected_to_agent_at) as connected_to_agent_at,
        min(event_at) as first_seen_at,
        max(event_at) as last_seen_at,
        max(_ingested_at) as _ingested_at
    from desk
    group by 1, 2, 3, 4, 5
),

sequenced as (
    select
        states.*,
        -- states that begin in the same instant (an auto-accepted offer) keep event order
        lead(states.started_at) over (
            partition by states.agent_arn, states.contact_id order by states.started_at, states.first_seen_at
        ) as next_state_started_at,
        events.next_event_at as removed_or_next_at
    from states
    left join events
        on
            states.agent_arn = events.agent_arn
            and states.last_seen_at = events.event_at
),

final as (
    select
        {{ connect_lake.surrogate_key([
            'agent_id',
            'contact_id',
            connect_lake.timestamp_key('started_at'),
            'contact_state'
        ]) }} as agent_contact_state_span_id,
        agent_arn,
        agent_id,
        contact_id,
        coalesce(initial_contact_id, contact_id) as root_contact_id,
        channel,
        initiation_method,
        queue_arn,
        queue_name,
        contact_state,
        started_at,
        -- the contact can leave the desk and come back (offered again after a miss): the earlier of the next
        -- state and the next event after this state was last seen is where this state ended
        case
            when next_state_started_at is null then removed_or_next_at
            when removed_or_next_at is null then next_state_started_at
            else least(next_state_started_at, removed_or_next_at)
        end as ended_at,
        next_state_started_at is null and removed_or_next_at is null as is_open,
        connected_to_agent_at,
        _ingested_at
    from sequenced
)

select * from final
