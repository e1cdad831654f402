
    -- Build actual result given inputs
with dbt_internal_unit_test_actual as (
  select
    "contact_id","contact_state","started_at","ended_at","is_open", 'actual' as "actual_or_expected"
  from (
    
-- One row per span a contact spent in one state on one agent's desk: CONNECTING (offered, ringing),
-- CONNECTED, CONNECTED_ONHOLD, PAUSED (tasks), ENDED (the conversation is over and the agent is in
-- after-contact work), MISSED, REJECTED, ERROR, INCOMING and PENDING (callbacks). A state starts at the
-- contact's StateStartTimestamp and ends when the next state starts, or, for the last state, at the first
-- event of the agent that no longer has the contact on the desk (that is how ACW ends). A contact still on
-- the desk when the data ends has no end and is flagged open. An incremental run rebuilds each agent with new
-- events from its reopen point (agent_reopen_points), before which every state had already ended.
with
 __dbt__cte__stg_connect__agent_event_contacts as (

-- Fixture for stg_connect__agent_event_contacts
select try_cast(null as varchar) as "agent_event_contact_id", try_cast('e1' as varchar) as "event_id", try_cast('a' as varchar) as "agent_arn", try_cast('a' as varchar) as "agent_id", try_cast(null as varchar) as "event_type", try_cast('2026-11-02 09:00:00.100' as timestamp(6)) as "event_at", try_cast('c1' as varchar) as "contact_id", try_cast(null as varchar) as "initial_contact_id", try_cast('VOICE' as varchar) as "channel", try_cast(null as varchar) as "initiation_method", try_cast('CONNECTING' as varchar) as "contact_state", try_cast('2026-11-02 09:00:00' as timestamp(6)) as "contact_state_started_at", try_cast(null as timestamp(6)) as "connected_to_agent_at", try_cast(null as timestamp(6)) as "enqueued_at", try_cast(null as varchar) as "queue_arn", try_cast(null as varchar) as "queue_name", try_cast(null as timestamp(6)) as "_ingested_at"
union all
select try_cast(null as varchar) as "agent_event_contact_id", try_cast('e2' as varchar) as "event_id", try_cast('a' as varchar) as "agent_arn", try_cast('a' as varchar) as "agent_id", try_cast(null as varchar) as "event_type", try_cast('2026-11-02 09:00:05.100' as timestamp(6)) as "event_at", try_cast('c1' as varchar) as "contact_id", try_cast(null as varchar) as "initial_contact_id", try_cast('VOICE' as varchar) as "channel", try_cast(null as varchar) as "initiation_method", try_cast('CONNECTED' as varchar) as "contact_state", try_cast('2026-11-02 09:00:05' as timestamp(6)) as "contact_state_started_at", try_cast('2026-11-02 09:00:05' as timestamp(6)) as "connected_to_agent_at", try_cast(null as timestamp(6)) as "enqueued_at", try_cast(null as varchar) as "queue_arn", try_cast(null as varchar) as "queue_name", try_cast(null as timestamp(6)) as "_ingested_at"
union all
select try_cast(null as varchar) as "agent_event_contact_id", try_cast('e3' as varchar) as "event_id", try_cast('a' as varchar) as "agent_arn", try_cast('a' as varchar) as "agent_id", try_cast(null as varchar) as "event_type", try_cast('2026-11-02 09:04:00.100' as timestamp(6)) as "event_at", try_cast('c1' as varchar) as "contact_id", try_cast(null as varchar) as "initial_contact_id", try_cast('VOICE' as varchar) as "channel", try_cast(null as varchar) as "initiation_method", try_cast('ENDED' as varchar) as "contact_state", try_cast('2026-11-02 09:04:00' as timestamp(6)) as "contact_state_started_at", try_cast('2026-11-02 09:00:05' as timestamp(6)) as "connected_to_agent_at", try_cast(null as timestamp(6)) as "enqueued_at", try_cast(null as varchar) as "queue_arn", try_cast(null as varchar) as "queue_name", try_cast(null as timestamp(6)) as "_ingested_at"
union all
select try_cast(null as varchar) as "agent_event_contact_id", try_cast('e4' as varchar) as "event_id", try_cast('a' as varchar) as "agent_arn", try_cast('a' as varchar) as "agent_id", try_cast(null as varchar) as "event_type", try_cast('2026-11-02 09:06:00.100' as timestamp(6)) as "event_at", try_cast('c1' as varchar) as "contact_id", try_cast(null as varchar) as "initial_contact_id", try_cast('VOICE' as varchar) as "channel", try_cast(null as varchar) as "initiation_method", try_cast('ENDED' as varchar) as "contact_state", try_cast('2026-11-02 09:04:00' as timestamp(6)) as "contact_state_started_at", try_cast('2026-11-02 09:00:05' as timestamp(6)) as "connected_to_agent_at", try_cast(null as timestamp(6)) as "enqueued_at", try_cast(null as varchar) as "queue_arn", try_cast(null as varchar) as "queue_name", try_cast(null as timestamp(6)) as "_ingested_at"
union all
select try_cast(null as varchar) as "agent_event_contact_id", try_cast('e6' as varchar) as "event_id", try_cast('a' as varchar) as "agent_arn", try_cast('a' as varchar) as "agent_id", try_cast(null as varchar) as "event_type", try_cast('2026-11-02 09:10:00.100' as timestamp(6)) as "event_at", try_cast('c2' as varchar) as "contact_id", try_cast(null as varchar) as "initial_contact_id", try_cast('CHAT' as varchar) as "channel", try_cast(null as varchar) as "initiation_method", try_cast('CONNECTING' as varchar) as "contact_state", try_cast('2026-11-02 09:10:00' as timestamp(6)) as "contact_state_started_at", try_cast(null as timestamp(6)) as "connected_to_agent_at", try_cast(null as timestamp(6)) as "enqueued_at", try_cast(null as varchar) as "queue_arn", try_cast(null as varchar) as "queue_name", try_cast(null as timestamp(6)) as "_ingested_at"
union all
select try_cast(null as varchar) as "agent_event_contact_id", try_cast('e7' as varchar) as "event_id", try_cast('a' as varchar) as "agent_arn", try_cast('a' as varchar) as "agent_id", try_cast(null as varchar) as "event_type", try_cast('2026-11-02 09:10:04.100' as timestamp(6)) as "event_at", try_cast('c2' as varchar) as "contact_id", try_cast(null as varchar) as "initial_contact_id", try_cast('CHAT' as varchar) as "channel", try_cast(null as varchar) as "initiation_method", try_cast('MISSED' as varchar) as "contact_state", try_cast('2026-11-02 09:10:04' as timestamp(6)) as "contact_state_started_at", try_cast(null as timestamp(6)) as "connected_to_agent_at", try_cast(null as timestamp(6)) as "enqueued_at", try_cast(null as varchar) as "queue_arn", try_cast(null as varchar) as "queue_name", try_cast(null as timestamp(6)) as "_ingested_at"
union all
select try_cast(null as varchar) as "agent_event_contact_id", try_cast('e9' as varchar) as "event_id", try_cast('a' as varchar) as "agent_arn", try_cast('a' as varchar) as "agent_id", try_cast(null as varchar) as "event_type", try_cast('2026-11-02 09:12:00.100' as timestamp(6)) as "event_at", try_cast('c2' as varchar) as "contact_id", try_cast(null as varchar) as "initial_contact_id", try_cast('CHAT' as varchar) as "channel", try_cast(null as varchar) as "initiation_method", try_cast('CONNECTING' as varchar) as "contact_state", try_cast('2026-11-02 09:12:00' as timestamp(6)) as "contact_state_started_at", try_cast(null as timestamp(6)) as "connected_to_agent_at", try_cast(null as timestamp(6)) as "enqueued_at", try_cast(null as varchar) as "queue_arn", try_cast(null as varchar) as "queue_name", try_cast(null as timestamp(6)) as "_ingested_at"
),  __dbt__cte__stg_connect__agent_events as (

-- Fixture for stg_connect__agent_events
select try_cast('e1' as varchar) as "event_id", try_cast('a' as varchar) as "agent_arn", try_cast(null as varchar) as "agent_id", try_cast(null as varchar) as "event_type", try_cast('2026-11-02 09:00:00.100' as timestamp(6)) as "event_at", try_cast(null as varchar) as "instance_arn", try_cast(null as varchar) as "aws_account_id", try_cast(null as varchar) as "event_version", try_cast(null as varchar) as "agent_status_arn", try_cast(null as varchar) as "agent_status_name", try_cast(null as varchar) as "agent_status_type", try_cast(null as timestamp(6)) as "agent_status_started_at", try_cast(null as varchar) as "next_agent_status_name", try_cast(null as timestamp(6)) as "next_agent_status_enqueued_at", try_cast(null as varchar) as "agent_username", try_cast(null as varchar) as "agent_first_name", try_cast(null as varchar) as "agent_last_name", try_cast(null as varchar) as "routing_profile_arn", try_cast(null as varchar) as "routing_profile_name", try_cast(null as varchar) as "agent_hierarchy_level1", try_cast(null as varchar) as "agent_hierarchy_level2", try_cast(null as varchar) as "agent_hierarchy_level3", try_cast(null as varchar) as "agent_hierarchy_level4", try_cast(null as varchar) as "agent_hierarchy_level5", try_cast(null as array(row(contactid varchar, initialcontactid varchar, channel varchar, initiationmethod varchar, state varchar, statestarttimestamp varchar, connectedtoagenttimestamp varchar, queuetimestamp varchar, queue row(arn varchar, name varchar)))) as "contacts", try_cast(null as varchar) as "_source_file", try_cast(null as varchar) as "_datehour", try_cast(null as bigint) as "_line_number", try_cast(null as bigint) as "contacts_on_desk", try_cast(null as bigint) as "deliveries", try_cast(null as timestamp(6)) as "_ingested_at"
union all
select try_cast('e2' as varchar) as "event_id", try_cast('a' as varchar) as "agent_arn", try_cast(null as varchar) as "agent_id", try_cast(null as varchar) as "event_type", try_cast('2026-11-02 09:00:05.100' as timestamp(6)) as "event_at", try_cast(null as varchar) as "instance_arn", try_cast(null as varchar) as "aws_account_id", try_cast(null as varchar) as "event_version", try_cast(null as varchar) as "agent_status_arn", try_cast(null as varchar) as "agent_status_name", try_cast(null as varchar) as "agent_status_type", try_cast(null as timestamp(6)) as "agent_status_started_at", try_cast(null as varchar) as "next_agent_status_name", try_cast(null as timestamp(6)) as "next_agent_status_enqueued_at", try_cast(null as varchar) as "agent_username", try_cast(null as varchar) as "agent_first_name", try_cast(null as varchar) as "agent_last_name", try_cast(null as varchar) as "routing_profile_arn", try_cast(null as varchar) as "routing_profile_name", try_cast(null as varchar) as "agent_hierarchy_level1", try_cast(null as varchar) as "agent_hierarchy_level2", try_cast(null as varchar) as "agent_hierarchy_level3", try_cast(null as varchar) as "agent_hierarchy_level4", try_cast(null as varchar) as "agent_hierarchy_level5", try_cast(null as array(row(contactid varchar, initialcontactid varchar, channel varchar, initiationmethod varchar, state varchar, statestarttimestamp varchar, connectedtoagenttimestamp varchar, queuetimestamp varchar, queue row(arn varchar, name varchar)))) as "contacts", try_cast(null as varchar) as "_source_file", try_cast(null as varchar) as "_datehour", try_cast(null as bigint) as "_line_number", try_cast(null as bigint) as "contacts_on_desk", try_cast(null as bigint) as "deliveries", try_cast(null as timestamp(6)) as "_ingested_at"
union all
select try_cast('e3' as varchar) as "event_id", try_cast('a' as varchar) as "agent_arn", try_cast(null as varchar) as "agent_id", try_cast(null as varchar) as "event_type", try_cast('2026-11-02 09:04:00.100' as timestamp(6)) as "event_at", try_cast(null as varchar) as "instance_arn", try_cast(null as varchar) as "aws_account_id", try_cast(null as varchar) as "event_version", try_cast(null as varchar) as "agent_status_arn", try_cast(null as varchar) as "agent_status_name", try_cast(null as varchar) as "agent_status_type", try_cast(null as timestamp(6)) as "agent_status_started_at", try_cast(null as varchar) as "next_agent_status_name", try_cast(null as timestamp(6)) as "next_agent_status_enqueued_at", try_cast(null as varchar) as "agent_username", try_cast(null as varchar) as "agent_first_name", try_cast(null as varchar) as "agent_last_name", try_cast(null as varchar) as "routing_profile_arn", try_cast(null as varchar) as "routing_profile_name", try_cast(null as varchar) as "agent_hierarchy_level1", try_cast(null as varchar) as "agent_hierarchy_level2", try_cast(null as varchar) as "agent_hierarchy_level3", try_cast(null as varchar) as "agent_hierarchy_level4", try_cast(null as varchar) as "agent_hierarchy_level5", try_cast(null as array(row(contactid varchar, initialcontactid varchar, channel varchar, initiationmethod varchar, state varchar, statestarttimestamp varchar, connectedtoagenttimestamp varchar, queuetimestamp varchar, queue row(arn varchar, name varchar)))) as "contacts", try_cast(null as varchar) as "_source_file", try_cast(null as varchar) as "_datehour", try_cast(null as bigint) as "_line_number", try_cast(null as bigint) as "contacts_on_desk", try_cast(null as bigint) as "deliveries", try_cast(null as timestamp(6)) as "_ingested_at"
union all
select try_cast('e4' as varchar) as "event_id", try_cast('a' as varchar) as "agent_arn", try_cast(null as varchar) as "agent_id", try_cast(null as varchar) as "event_type", try_cast('2026-11-02 09:06:00.100' as timestamp(6)) as "event_at", try_cast(null as varchar) as "instance_arn", try_cast(null as varchar) as "aws_account_id", try_cast(null as varchar) as "event_version", try_cast(null as varchar) as "agent_status_arn", try_cast(null as varchar) as "agent_status_name", try_cast(null as varchar) as "agent_status_type", try_cast(null as timestamp(6)) as "agent_status_started_at", try_cast(null as varchar) as "next_agent_status_name", try_cast(null as timestamp(6)) as "next_agent_status_enqueued_at", try_cast(null as varchar) as "agent_username", try_cast(null as varchar) as "agent_first_name", try_cast(null as varchar) as "agent_last_name", try_cast(null as varchar) as "routing_profile_arn", try_cast(null as varchar) as "routing_profile_name", try_cast(null as varchar) as "agent_hierarchy_level1", try_cast(null as varchar) as "agent_hierarchy_level2", try_cast(null as varchar) as "agent_hierarchy_level3", try_cast(null as varchar) as "agent_hierarchy_level4", try_cast(null as varchar) as "agent_hierarchy_level5", try_cast(null as array(row(contactid varchar, initialcontactid varchar, channel varchar, initiationmethod varchar, state varchar, statestarttimestamp varchar, connectedtoagenttimestamp varchar, queuetimestamp varchar, queue row(arn varchar, name varchar)))) as "contacts", try_cast(null as varchar) as "_source_file", try_cast(null as varchar) as "_datehour", try_cast(null as bigint) as "_line_number", try_cast(null as bigint) as "contacts_on_desk", try_cast(null as bigint) as "deliveries", try_cast(null as timestamp(6)) as "_ingested_at"
union all
select try_cast('e5' as varchar) as "event_id", try_cast('a' as varchar) as "agent_arn", try_cast(null as varchar) as "agent_id", try_cast(null as varchar) as "event_type", try_cast('2026-11-02 09:07:30.200' as timestamp(6)) as "event_at", try_cast(null as varchar) as "instance_arn", try_cast(null as varchar) as "aws_account_id", try_cast(null as varchar) as "event_version", try_cast(null as varchar) as "agent_status_arn", try_cast(null as varchar) as "agent_status_name", try_cast(null as varchar) as "agent_status_type", try_cast(null as timestamp(6)) as "agent_status_started_at", try_cast(null as varchar) as "next_agent_status_name", try_cast(null as timestamp(6)) as "next_agent_status_enqueued_at", try_cast(null as varchar) as "agent_username", try_cast(null as varchar) as "agent_first_name", try_cast(null as varchar) as "agent_last_name", try_cast(null as varchar) as "routing_profile_arn", try_cast(null as varchar) as "routing_profile_name", try_cast(null as varchar) as "agent_hierarchy_level1", try_cast(null as varchar) as "agent_hierarchy_level2", try_cast(null as varchar) as "agent_hierarchy_level3", try_cast(null as varchar) as "agent_hierarchy_level4", try_cast(null as varchar) as "agent_hierarchy_level5", try_cast(null as array(row(contactid varchar, initialcontactid varchar, channel varchar, initiationmethod varchar, state varchar, statestarttimestamp varchar, connectedtoagenttimestamp varchar, queuetimestamp varchar, queue row(arn varchar, name varchar)))) as "contacts", try_cast(null as varchar) as "_source_file", try_cast(null as varchar) as "_datehour", try_cast(null as bigint) as "_line_number", try_cast(null as bigint) as "contacts_on_desk", try_cast(null as bigint) as "deliveries", try_cast(null as timestamp(6)) as "_ingested_at"
union all
select try_cast('e6' as varchar) as "event_id", try_cast('a' as varchar) as "agent_arn", try_cast(null as varchar) as "agent_id", try_cast(null as varchar) as "event_type", try_cast('2026-11-02 09:10:00.100' as timestamp(6)) as "event_at", try_cast(null as varchar) as "instance_arn", try_cast(null as varchar) as "aws_account_id", try_cast(null as varchar) as "event_version", try_cast(null as varchar) as "agent_status_arn", try_cast(null as varchar) as "agent_status_name", try_cast(null as varchar) as "agent_status_type", try_cast(null as timestamp(6)) as "agent_status_started_at", try_cast(null as varchar) as "next_agent_status_name", try_cast(null as timestamp(6)) as "next_agent_status_enqueued_at", try_cast(null as varchar) as "agent_username", try_cast(null as varchar) as "agent_first_name", try_cast(null as varchar) as "agent_last_name", try_cast(null as varchar) as "routing_profile_arn", try_cast(null as varchar) as "routing_profile_name", try_cast(null as varchar) as "agent_hierarchy_level1", try_cast(null as varchar) as "agent_hierarchy_level2", try_cast(null as varchar) as "agent_hierarchy_level3", try_cast(null as varchar) as "agent_hierarchy_level4", try_cast(null as varchar) as "agent_hierarchy_level5", try_cast(null as array(row(contactid varchar, initialcontactid varchar, channel varchar, initiationmethod varchar, state varchar, statestarttimestamp varchar, connectedtoagenttimestamp varchar, queuetimestamp varchar, queue row(arn varchar, name varchar)))) as "contacts", try_cast(null as varchar) as "_source_file", try_cast(null as varchar) as "_datehour", try_cast(null as bigint) as "_line_number", try_cast(null as bigint) as "contacts_on_desk", try_cast(null as bigint) as "deliveries", try_cast(null as timestamp(6)) as "_ingested_at"
union all
select try_cast('e7' as varchar) as "event_id", try_cast('a' as varchar) as "agent_arn", try_cast(null as varchar) as "agent_id", try_cast(null as varchar) as "event_type", try_cast('2026-11-02 09:10:04.100' as timestamp(6)) as "event_at", try_cast(null as varchar) as "instance_arn", try_cast(null as varchar) as "aws_account_id", try_cast(null as varchar) as "event_version", try_cast(null as varchar) as "agent_status_arn", try_cast(null as varchar) as "agent_status_name", try_cast(null as varchar) as "agent_status_type", try_cast(null as timestamp(6)) as "agent_status_started_at", try_cast(null as varchar) as "next_agent_status_name", try_cast(null as timestamp(6)) as "next_agent_status_enqueued_at", try_cast(null as varchar) as "agent_username", try_cast(null as varchar) as "agent_first_name", try_cast(null as varchar) as "agent_last_name", try_cast(null as varchar) as "routing_profile_arn", try_cast(null as varchar) as "routing_profile_name", try_cast(null as varchar) as "agent_hierarchy_level1", try_cast(null as varchar) as "agent_hierarchy_level2", try_cast(null as varchar) as "agent_hierarchy_level3", try_cast(null as varchar) as "agent_hierarchy_level4", try_cast(null as varchar) as "agent_hierarchy_level5", try_cast(null as array(row(contactid varchar, initialcontactid varchar, channel varchar, initiationmethod varchar, state varchar, statestarttimestamp varchar, connectedtoagenttimestamp varchar, queuetimestamp varchar, queue row(arn varchar, name varchar)))) as "contacts", try_cast(null as varchar) as "_source_file", try_cast(null as varchar) as "_datehour", try_cast(null as bigint) as "_line_number", try_cast(null as bigint) as "contacts_on_desk", try_cast(null as bigint) as "deliveries", try_cast(null as timestamp(6)) as "_ingested_at"
union all
select try_cast('e8' as varchar) as "event_id", try_cast('a' as varchar) as "agent_arn", try_cast(null as varchar) as "agent_id", try_cast(null as varchar) as "event_type", try_cast('2026-11-02 09:10:40.300' as timestamp(6)) as "event_at", try_cast(null as varchar) as "instance_arn", try_cast(null as varchar) as "aws_account_id", try_cast(null as varchar) as "event_version", try_cast(null as varchar) as "agent_status_arn", try_cast(null as varchar) as "agent_status_name", try_cast(null as varchar) as "agent_status_type", try_cast(null as timestamp(6)) as "agent_status_started_at", try_cast(null as varchar) as "next_agent_status_name", try_cast(null as timestamp(6)) as "next_agent_status_enqueued_at", try_cast(null as varchar) as "agent_username", try_cast(null as varchar) as "agent_first_name", try_cast(null as varchar) as "agent_last_name", try_cast(null as varchar) as "routing_profile_arn", try_cast(null as varchar) as "routing_profile_name", try_cast(null as varchar) as "agent_hierarchy_level1", try_cast(null as varchar) as "agent_hierarchy_level2", try_cast(null as varchar) as "agent_hierarchy_level3", try_cast(null as varchar) as "agent_hierarchy_level4", try_cast(null as varchar) as "agent_hierarchy_level5", try_cast(null as array(row(contactid varchar, initialcontactid varchar, channel varchar, initiationmethod varchar, state varchar, statestarttimestamp varchar, connectedtoagenttimestamp varchar, queuetimestamp varchar, queue row(arn varchar, name varchar)))) as "contacts", try_cast(null as varchar) as "_source_file", try_cast(null as varchar) as "_datehour", try_cast(null as bigint) as "_line_number", try_cast(null as bigint) as "contacts_on_desk", try_cast(null as bigint) as "deliveries", try_cast(null as timestamp(6)) as "_ingested_at"
union all
select try_cast('e9' as varchar) as "event_id", try_cast('a' as varchar) as "agent_arn", try_cast(null as varchar) as "agent_id", try_cast(null as varchar) as "event_type", try_cast('2026-11-02 09:12:00.100' as timestamp(6)) as "event_at", try_cast(null as varchar) as "instance_arn", try_cast(null as varchar) as "aws_account_id", try_cast(null as varchar) as "event_version", try_cast(null as varchar) as "agent_status_arn", try_cast(null as varchar) as "agent_status_name", try_cast(null as varchar) as "agent_status_type", try_cast(null as timestamp(6)) as "agent_status_started_at", try_cast(null as varchar) as "next_agent_status_name", try_cast(null as timestamp(6)) as "next_agent_status_enqueued_at", try_cast(null as varchar) as "agent_username", try_cast(null as varchar) as "agent_first_name", try_cast(null as varchar) as "agent_last_name", try_cast(null as varchar) as "routing_profile_arn", try_cast(null as varchar) as "routing_profile_name", try_cast(null as varchar) as "agent_hierarchy_level1", try_cast(null as varchar) as "agent_hierarchy_level2", try_cast(null as varchar) as "agent_hierarchy_level3", try_cast(null as varchar) as "agent_hierarchy_level4", try_cast(null as varchar) as "agent_hierarchy_level5", try_cast(null as array(row(contactid varchar, initialcontactid varchar, channel varchar, initiationmethod varchar, state varchar, statestarttimestamp varchar, connectedtoagenttimestamp varchar, queuetimestamp varchar, queue row(arn varchar, name varchar)))) as "contacts", try_cast(null as varchar) as "_source_file", try_cast(null as varchar) as "_datehour", try_cast(null as bigint) as "_line_number", try_cast(null as bigint) as "contacts_on_desk", try_cast(null as bigint) as "deliveries", try_cast(null as timestamp(6)) as "_ingested_at"
), desk as (
    select * from __dbt__cte__stg_connect__agent_event_contacts
),

event_times as (
    select distinct
        agent_arn,
        event_at
    from __dbt__cte__stg_connect__agent_events
),

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
        agent_id || '|' || contact_id || '|' || cast(cast(round(to_unixtime(started_at) * 1000) as bigint) as varchar) || '|' || contact_state as agent_contact_state_span_id,
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
  ) _dbt_internal_unit_test_actual
),
-- Build expected result
dbt_internal_unit_test_expected as (
  select
    "contact_id", "contact_state", "started_at", "ended_at", "is_open", 'expected' as "actual_or_expected"
  from (
    select try_cast('c1' as varchar) as "contact_id", try_cast('CONNECTING' as varchar) as "contact_state", try_cast('2026-11-02 09:00:00' as timestamp(6)) as "started_at", try_cast('2026-11-02 09:00:05' as timestamp(6)) as "ended_at", try_cast(False as boolean) as "is_open"
union all
select try_cast('c1' as varchar) as "contact_id", try_cast('CONNECTED' as varchar) as "contact_state", try_cast('2026-11-02 09:00:05' as timestamp(6)) as "started_at", try_cast('2026-11-02 09:04:00' as timestamp(6)) as "ended_at", try_cast(False as boolean) as "is_open"
union all
select try_cast('c1' as varchar) as "contact_id", try_cast('ENDED' as varchar) as "contact_state", try_cast('2026-11-02 09:04:00' as timestamp(6)) as "started_at", try_cast('2026-11-02 09:07:30.200' as timestamp(6)) as "ended_at", try_cast(False as boolean) as "is_open"
union all
select try_cast('c2' as varchar) as "contact_id", try_cast('CONNECTING' as varchar) as "contact_state", try_cast('2026-11-02 09:10:00' as timestamp(6)) as "started_at", try_cast('2026-11-02 09:10:04' as timestamp(6)) as "ended_at", try_cast(False as boolean) as "is_open"
union all
select try_cast('c2' as varchar) as "contact_id", try_cast('MISSED' as varchar) as "contact_state", try_cast('2026-11-02 09:10:04' as timestamp(6)) as "started_at", try_cast('2026-11-02 09:10:40.300' as timestamp(6)) as "ended_at", try_cast(False as boolean) as "is_open"
union all
select try_cast('c2' as varchar) as "contact_id", try_cast('CONNECTING' as varchar) as "contact_state", try_cast('2026-11-02 09:12:00' as timestamp(6)) as "started_at", try_cast(null as timestamp(6)) as "ended_at", try_cast(True as boolean) as "is_open"
  ) _dbt_internal_unit_test_expected
)
-- Union actual and expected results
select * from dbt_internal_unit_test_actual
union all
select * from dbt_internal_unit_test_expected