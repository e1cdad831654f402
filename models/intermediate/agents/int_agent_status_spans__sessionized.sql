{{
    config(
        materialized='incremental',
        incremental_strategy='append',
        pre_hook="{{ connect_lake.delete_rows_to_rebuild(
            'agent_status_span_id', connect_lake.agent_reopen_points(), ['agent_arn'], 'started_at', 'reopen_at'
        ) }}",
    )
}}
-- One row per span of time an agent spent in one selected status while logged in. Every event repeats the
-- selected status with the time it was selected (AgentStatus.StartTimestamp), so a span is one distinct
-- selection and it ends when the next one starts: heartbeats and contact-state changes repeat the selection
-- and never split a span. LOGIN starts a session (its status is Offline until the agent picks one); LOGOUT
-- ends the span before it, and the Offline it selects is logged-out time, not a span. A span still open
-- when the data ends is closed at the agent's last event (a heartbeat proves the agent was still there).
-- An incremental run rebuilds each agent with new events from its reopen point (agent_reopen_points); the
-- pre-hook has deleted those spans, and the session in force before the point is carried over.
with
{%- if is_incremental() %}
reopen as (
    {{ connect_lake.agent_reopen_points() }}
),

events as (
    select events.*
    from {{ ref('stg_connect__agent_events') }} as events
    inner join reopen on events.agent_arn = reopen.agent_arn
    where events.agent_status_started_at >= reopen.reopen_at
),

carried_sessions as (
    select
        agent_arn,
        session_started_at
    from (
        select
            kept.agent_arn,
            kept.session_started_at,
            row_number() over (partition by kept.agent_arn order by kept.started_at desc) as recency
        from {{ this }} as kept
        inner join reopen on kept.agent_arn = reopen.agent_arn
        where kept.started_at < reopen.reopen_at
    ) as before_reopen
    where recency = 1
),
{%- else %}
events as (
    select * from {{ ref('stg_connect__agent_events') }}
),
{%- endif %}

selections as (
    select
        agent_arn,
        agent_id,
        agent_status_started_at as started_at,
        agent_status_arn,
        agent_status_name,
        agent_status_type,
        min(event_at) as first_seen_at,
        max(case when event_type = 'LOGIN' then 1 else 0 end) = 1 as is_session_start,
        max(case when event_type = 'LOGOUT' then 1 else 0 end) = 1 as is_logged_out,
        max(_ingested_at) as _ingested_at
    from events
    group by 1, 2, 3, 4, 5, 6
),

agent_last_events as (
    select
        agent_arn,
        max(event_at) as last_event_at
    from events
    group by 1
),

sequenced as (
    select
        selections.*,
        -- two selections in the same second (back from a break and straight to lunch) keep event order
        lead(selections.started_at) over (
            partition by selections.agent_arn order by selections.started_at, selections.first_seen_at
        ) as next_started_at,
        max(case when selections.is_session_start then selections.started_at end) over (
            partition by selections.agent_arn
            order by selections.started_at, selections.first_seen_at
            rows unbounded preceding
        ) as session_started_in_rebuild_at,
        agent_last_events.last_event_at
    from selections
    inner join agent_last_events on selections.agent_arn = agent_last_events.agent_arn
),

final as (
    select
        {{ connect_lake.surrogate_key([
            'sequenced.agent_id',
            connect_lake.timestamp_key('sequenced.started_at'),
            'sequenced.agent_status_name'
        ]) }}
            as agent_status_span_id,
        sequenced.agent_arn,
        sequenced.agent_id,
        {%- if is_incremental() %}
        coalesce(sequenced.session_started_in_rebuild_at, carried_sessions.session_started_at)
            as session_started_at,
        {%- else %}
        sequenced.session_started_in_rebuild_at as session_started_at,
        {%- endif %}
        sequenced.agent_status_arn,
        sequenced.agent_status_name,
        sequenced.agent_status_type,
        sequenced.started_at,
        coalesce(sequenced.next_started_at, sequenced.last_event_at) as ended_at,
        sequenced.next_started_at is null as is_open,
        sequenced._ingested_at
    from sequenced
    {%- if is_incremental() %}
    left join carried_sessions on sequenced.agent_arn = carried_sessions.agent_arn
    {%- endif %}
    where not sequenced.is_logged_out
)

select * from final
