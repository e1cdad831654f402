
-- One row per span of time an agent spent in one selected status while logged in. Every event repeats the
-- selected status with the time it was selected (AgentStatus.StartTimestamp), so a span is one distinct
-- selection and it ends when the next one starts: heartbeats and contact-state changes repeat the selection
-- and never split a span. LOGIN starts a session (its status is Offline until the agent picks one); LOGOUT
-- ends the span before it, and the Offline it selects is logged-out time, not a span. A span still open
-- when the data ends is closed at the agent's last event (a heartbeat proves the agent was still there).
-- An incremental run rebuilds each agent with new events from its reopen point (agent_reopen_points); the
-- pre-hook has deleted those spans, and the session in force before the point is carried over.
with
 __dbt__cte__stg_connect__agent_events as (

-- Fixture for stg_connect__agent_events
select try_cast('e1' as varchar) as "event_id", try_cast('a' as varchar) as "agent_arn", try_cast('a' as varchar) as "agent_id", try_cast('LOGIN' as varchar) as "event_type", try_cast('2026-11-02 08:00:00.200' as timestamp(6)) as "event_at", try_cast(null as varchar) as "instance_arn", try_cast(null as varchar) as "aws_account_id", try_cast(null as varchar) as "event_version", try_cast(null as varchar) as "agent_status_arn", try_cast('Offline' as varchar) as "agent_status_name", try_cast('OFFLINE' as varchar) as "agent_status_type", try_cast('2026-11-02 08:00:00' as timestamp(6)) as "agent_status_started_at", try_cast(null as varchar) as "next_agent_status_name", try_cast(null as timestamp(6)) as "next_agent_status_enqueued_at", try_cast(null as varchar) as "agent_username", try_cast(null as varchar) as "agent_first_name", try_cast(null as varchar) as "agent_last_name", try_cast(null as varchar) as "routing_profile_arn", try_cast(null as varchar) as "routing_profile_name", try_cast(null as varchar) as "agent_hierarchy_level1", try_cast(null as varchar) as "agent_hierarchy_level2", try_cast(null as varchar) as "agent_hierarchy_level3", try_cast(null as varchar) as "agent_hierarchy_level4", try_cast(null as varchar) as "agent_hierarchy_level5", try_cast(null as array(row(contactid varchar, initialcontactid varchar, channel varchar, initiationmethod varchar, state varchar, statestarttimestamp varchar, connectedtoagenttimestamp varchar, queuetimestamp varchar, queue row(arn varchar, name varchar)))) as "contacts", try_cast(null as varchar) as "_source_file", try_cast(null as varchar) as "_datehour", try_cast(null as bigint) as "_line_number", try_cast(null as bigint) as "contacts_on_desk", try_cast(null as bigint) as "deliveries", try_cast(null as timestamp(6)) as "_ingested_at"
union all
select try_cast('e2' as varchar) as "event_id", try_cast('a' as varchar) as "agent_arn", try_cast('a' as varchar) as "agent_id", try_cast('STATE_CHANGE' as varchar) as "event_type", try_cast('2026-11-02 08:01:00.100' as timestamp(6)) as "event_at", try_cast(null as varchar) as "instance_arn", try_cast(null as varchar) as "aws_account_id", try_cast(null as varchar) as "event_version", try_cast(null as varchar) as "agent_status_arn", try_cast('Available' as varchar) as "agent_status_name", try_cast('ROUTABLE' as varchar) as "agent_status_type", try_cast('2026-11-02 08:01:00' as timestamp(6)) as "agent_status_started_at", try_cast(null as varchar) as "next_agent_status_name", try_cast(null as timestamp(6)) as "next_agent_status_enqueued_at", try_cast(null as varchar) as "agent_username", try_cast(null as varchar) as "agent_first_name", try_cast(null as varchar) as "agent_last_name", try_cast(null as varchar) as "routing_profile_arn", try_cast(null as varchar) as "routing_profile_name", try_cast(null as varchar) as "agent_hierarchy_level1", try_cast(null as varchar) as "agent_hierarchy_level2", try_cast(null as varchar) as "agent_hierarchy_level3", try_cast(null as varchar) as "agent_hierarchy_level4", try_cast(null as varchar) as "agent_hierarchy_level5", try_cast(null as array(row(contactid varchar, initialcontactid varchar, channel varchar, initiationmethod varchar, state varchar, statestarttimestamp varchar, connectedtoagenttimestamp varchar, queuetimestamp varchar, queue row(arn varchar, name varchar)))) as "contacts", try_cast(null as varchar) as "_source_file", try_cast(null as varchar) as "_datehour", try_cast(null as bigint) as "_line_number", try_cast(null as bigint) as "contacts_on_desk", try_cast(null as bigint) as "deliveries", try_cast(null as timestamp(6)) as "_ingested_at"
union all
select try_cast('e3' as varchar) as "event_id", try_cast('a' as varchar) as "agent_arn", try_cast('a' as varchar) as "agent_id", try_cast('HEART_BEAT' as varchar) as "event_type", try_cast('2026-11-02 08:03:00.100' as timestamp(6)) as "event_at", try_cast(null as varchar) as "instance_arn", try_cast(null as varchar) as "aws_account_id", try_cast(null as varchar) as "event_version", try_cast(null as varchar) as "agent_status_arn", try_cast('Available' as varchar) as "agent_status_name", try_cast('ROUTABLE' as varchar) as "agent_status_type", try_cast('2026-11-02 08:01:00' as timestamp(6)) as "agent_status_started_at", try_cast(null as varchar) as "next_agent_status_name", try_cast(null as timestamp(6)) as "next_agent_status_enqueued_at", try_cast(null as varchar) as "agent_username", try_cast(null as varchar) as "agent_first_name", try_cast(null as varchar) as "agent_last_name", try_cast(null as varchar) as "routing_profile_arn", try_cast(null as varchar) as "routing_profile_name", try_cast(null as varchar) as "agent_hierarchy_level1", try_cast(null as varchar) as "agent_hierarchy_level2", try_cast(null as varchar) as "agent_hierarchy_level3", try_cast(null as varchar) as "agent_hierarchy_level4", try_cast(null as varchar) as "agent_hierarchy_level5", try_cast(null as array(row(contactid varchar, initialcontactid varchar, channel varchar, initiationmethod varchar, state varchar, statestarttimestamp varchar, connectedtoagenttimestamp varchar, queuetimestamp varchar, queue row(arn varchar, name varchar)))) as "contacts", try_cast(null as varchar) as "_source_file", try_cast(null as varchar) as "_datehour", try_cast(null as bigint) as "_line_number", try_cast(null as bigint) as "contacts_on_desk", try_cast(null as bigint) as "deliveries", try_cast(null as timestamp(6)) as "_ingested_at"
union all
select try_cast('e4' as varchar) as "event_id", try_cast('a' as varchar) as "agent_arn", try_cast('a' as varchar) as "agent_id", try_cast('STATE_CHANGE' as varchar) as "event_type", try_cast('2026-11-02 08:04:00.300' as timestamp(6)) as "event_at", try_cast(null as varchar) as "instance_arn", try_cast(null as varchar) as "aws_account_id", try_cast(null as varchar) as "event_version", try_cast(null as varchar) as "agent_status_arn", try_cast('Available' as varchar) as "agent_status_name", try_cast('ROUTABLE' as varchar) as "agent_status_type", try_cast('2026-11-02 08:01:00' as timestamp(6)) as "agent_status_started_at", try_cast(null as varchar) as "next_agent_status_name", try_cast(null as timestamp(6)) as "next_agent_status_enqueued_at", try_cast(null as varchar) as "agent_username", try_cast(null as varchar) as "agent_first_name", try_cast(null as varchar) as "agent_last_name", try_cast(null as varchar) as "routing_profile_arn", try_cast(null as varchar) as "routing_profile_name", try_cast(null as varchar) as "agent_hierarchy_level1", try_cast(null as varchar) as "agent_hierarchy_level2", try_cast(null as varchar) as "agent_hierarchy_level3", try_cast(null as varchar) as "agent_hierarchy_level4", try_cast(null as varchar) as "agent_hierarchy_level5", try_cast(null as array(row(contactid varchar, initialcontactid varchar, channel varchar, initiationmethod varchar, state varchar, statestarttimestamp varchar, connectedtoagenttimestamp varchar, queuetimestamp varchar, queue row(arn varchar, name varchar)))) as "contacts", try_cast(null as varchar) as "_source_file", try_cast(null as varchar) as "_datehour", try_cast(null as bigint) as "_line_number", try_cast(null as bigint) as "contacts_on_desk", try_cast(null as bigint) as "deliveries", try_cast(null as timestamp(6)) as "_ingested_at"
union all
select try_cast('e5' as varchar) as "event_id", try_cast('a' as varchar) as "agent_arn", try_cast('a' as varchar) as "agent_id", try_cast('STATE_CHANGE' as varchar) as "event_type", try_cast('2026-11-02 08:06:00.100' as timestamp(6)) as "event_at", try_cast(null as varchar) as "instance_arn", try_cast(null as varchar) as "aws_account_id", try_cast(null as varchar) as "event_version", try_cast(null as varchar) as "agent_status_arn", try_cast('Break' as varchar) as "agent_status_name", try_cast('CUSTOM' as varchar) as "agent_status_type", try_cast('2026-11-02 08:06:00' as timestamp(6)) as "agent_status_started_at", try_cast(null as varchar) as "next_agent_status_name", try_cast(null as timestamp(6)) as "next_agent_status_enqueued_at", try_cast(null as varchar) as "agent_username", try_cast(null as varchar) as "agent_first_name", try_cast(null as varchar) as "agent_last_name", try_cast(null as varchar) as "routing_profile_arn", try_cast(null as varchar) as "routing_profile_name", try_cast(null as varchar) as "agent_hierarchy_level1", try_cast(null as varchar) as "agent_hierarchy_level2", try_cast(null as varchar) as "agent_hierarchy_level3", try_cast(null as varchar) as "agent_hierarchy_level4", try_cast(null as varchar) as "agent_hierarchy_level5", try_cast(null as array(row(contactid varchar, initialcontactid varchar, channel varchar, initiationmethod varchar, state varchar, statestarttimestamp varchar, connectedtoagenttimestamp varchar, queuetimestamp varchar, queue row(arn varchar, name varchar)))) as "contacts", try_cast(null as varchar) as "_source_file", try_cast(null as varchar) as "_datehour", try_cast(null as bigint) as "_line_number", try_cast(null as bigint) as "contacts_on_desk", try_cast(null as bigint) as "deliveries", try_cast(null as timestamp(6)) as "_ingested_at"
union all
select try_cast('e6' as varchar) as "event_id", try_cast('a' as varchar) as "agent_arn", try_cast('a' as varchar) as "agent_id", try_cast('STATE_CHANGE' as varchar) as "event_type", try_cast('2026-11-02 08:20:00.100' as timestamp(6)) as "event_at", try_cast(null as varchar) as "instance_arn", try_cast(null as varchar) as "aws_account_id", try_cast(null as varchar) as "event_version", try_cast(null as varchar) as "agent_status_arn", try_cast('Offline' as varchar) as "agent_status_name", try_cast('OFFLINE' as varchar) as "agent_status_type", try_cast('2026-11-02 08:20:00' as timestamp(6)) as "agent_status_started_at", try_cast(null as varchar) as "next_agent_status_name", try_cast(null as timestamp(6)) as "next_agent_status_enqueued_at", try_cast(null as varchar) as "agent_username", try_cast(null as varchar) as "agent_first_name", try_cast(null as varchar) as "agent_last_name", try_cast(null as varchar) as "routing_profile_arn", try_cast(null as varchar) as "routing_profile_name", try_cast(null as varchar) as "agent_hierarchy_level1", try_cast(null as varchar) as "agent_hierarchy_level2", try_cast(null as varchar) as "agent_hierarchy_level3", try_cast(null as varchar) as "agent_hierarchy_level4", try_cast(null as varchar) as "agent_hierarchy_level5", try_cast(null as array(row(contactid varchar, initialcontactid varchar, channel varchar, initiationmethod varchar, state varchar, statestarttimestamp varchar, connectedtoagenttimestamp varchar, queuetimestamp varchar, queue row(arn varchar, name varchar)))) as "contacts", try_cast(null as varchar) as "_source_file", try_cast(null as varchar) as "_datehour", try_cast(null as bigint) as "_line_number", try_cast(null as bigint) as "contacts_on_desk", try_cast(null as bigint) as "deliveries", try_cast(null as timestamp(6)) as "_ingested_at"
union all
select try_cast('e7' as varchar) as "event_id", try_cast('a' as varchar) as "agent_arn", try_cast('a' as varchar) as "agent_id", try_cast('LOGOUT' as varchar) as "event_type", try_cast('2026-11-02 08:20:30.100' as timestamp(6)) as "event_at", try_cast(null as varchar) as "instance_arn", try_cast(null as varchar) as "aws_account_id", try_cast(null as varchar) as "event_version", try_cast(null as varchar) as "agent_status_arn", try_cast('Offline' as varchar) as "agent_status_name", try_cast('OFFLINE' as varchar) as "agent_status_type", try_cast('2026-11-02 08:20:30' as timestamp(6)) as "agent_status_started_at", try_cast(null as varchar) as "next_agent_status_name", try_cast(null as timestamp(6)) as "next_agent_status_enqueued_at", try_cast(null as varchar) as "agent_username", try_cast(null as varchar) as "agent_first_name", try_cast(null as varchar) as "agent_last_name", try_cast(null as varchar) as "routing_profile_arn", try_cast(null as varchar) as "routing_profile_name", try_cast(null as varchar) as "agent_hierarchy_level1", try_cast(null as varchar) as "agent_hierarchy_level2", try_cast(null as varchar) as "agent_hierarchy_level3", try_cast(null as varchar) as "agent_hierarchy_level4", try_cast(null as varchar) as "agent_hierarchy_level5", try_cast(null as array(row(contactid varchar, initialcontactid varchar, channel varchar, initiationmethod varchar, state varchar, statestarttimestamp varchar, connectedtoagenttimestamp varchar, queuetimestamp varchar, queue row(arn varchar, name varchar)))) as "contacts", try_cast(null as varchar) as "_source_file", try_cast(null as varchar) as "_datehour", try_cast(null as bigint) as "_line_number", try_cast(null as bigint) as "contacts_on_desk", try_cast(null as bigint) as "deliveries", try_cast(null as timestamp(6)) as "_ingested_at"
union all
select try_cast('e8' as varchar) as "event_id", try_cast('a' as varchar) as "agent_arn", try_cast('a' as varchar) as "agent_id", try_cast('HEART_BEAT' as varchar) as "event_type", try_cast('2026-11-02 08:22:30.100' as timestamp(6)) as "event_at", try_cast(null as varchar) as "instance_arn", try_cast(null as varchar) as "aws_account_id", try_cast(null as varchar) as "event_version", try_cast(null as varchar) as "agent_status_arn", try_cast('Offline' as varchar) as "agent_status_name", try_cast('OFFLINE' as varchar) as "agent_status_type", try_cast('2026-11-02 08:20:30' as timestamp(6)) as "agent_status_started_at", try_cast(null as varchar) as "next_agent_status_name", try_cast(null as timestamp(6)) as "next_agent_status_enqueued_at", try_cast(null as varchar) as "agent_username", try_cast(null as varchar) as "agent_first_name", try_cast(null as varchar) as "agent_last_name", try_cast(null as varchar) as "routing_profile_arn", try_cast(null as varchar) as "routing_profile_name", try_cast(null as varchar) as "agent_hierarchy_level1", try_cast(null as varchar) as "agent_hierarchy_level2", try_cast(null as varchar) as "agent_hierarchy_level3", try_cast(null as varchar) as "agent_hierarchy_level4", try_cast(null as varchar) as "agent_hierarchy_level5", try_cast(null as array(row(contactid varchar, initialcontactid varchar, channel varchar, initiationmethod varchar, state varchar, statestarttimestamp varchar, connectedtoagenttimestamp varchar, queuetimestamp varchar, queue row(arn varchar, name varchar)))) as "contacts", try_cast(null as varchar) as "_source_file", try_cast(null as varchar) as "_datehour", try_cast(null as bigint) as "_line_number", try_cast(null as bigint) as "contacts_on_desk", try_cast(null as bigint) as "deliveries", try_cast(null as timestamp(6)) as "_ingested_at"
), events as (
    select * from __dbt__cte__stg_connect__agent_events
),

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
        sequenced.agent_id || '|' || cast(cast(round(to_unixtime(sequenced.started_at) * 1000) as bigint) as varchar) || '|' || sequenced.agent_status_name
            as agent_status_span_id,
        sequenced.agent_arn,
        sequenced.agent_id,
        sequenced.session_started_in_rebuild_at as session_started_at,
        sequenced.agent_status_arn,
        sequenced.agent_status_name,
        sequenced.agent_status_type,
        sequenced.started_at,
        coalesce(sequenced.next_started_at, sequenced.last_event_at) as ended_at,
        sequenced.next_started_at is null as is_open,
        sequenced._ingested_at
    from sequenced
    where not sequenced.is_logged_out
)

select * from final