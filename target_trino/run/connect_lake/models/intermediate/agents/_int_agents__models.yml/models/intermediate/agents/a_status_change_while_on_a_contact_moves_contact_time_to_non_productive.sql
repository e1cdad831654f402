
    -- Build actual result given inputs
with dbt_internal_unit_test_actual as (
  select
    "started_at","ended_at","is_routable","is_custom_status","contacts_on_contact","contacts_in_after_contact_work", 'actual' as "actual_or_expected"
  from (
    
-- The logged-in time of each agent cut into segments in which nothing changes: neither the selected
-- status nor the state of any contact on the desk. Each segment carries the status type and how many
-- contacts are in each activity, so every agent metric is a sum over segments. Built as a sweep: every
-- span start adds one to its counters and every span end takes one away; the running sums between two
-- consecutive change points describe the segment. An incremental run sweeps each agent with new events from
-- the last change point before its reopen point: spans already running there count from that point on.
with
 __dbt__cte__int_agent_status_spans__sessionized as (

-- Fixture for int_agent_status_spans__sessionized
select try_cast(null as varchar) as "agent_status_span_id", try_cast('a' as varchar) as "agent_arn", try_cast(null as varchar) as "agent_id", try_cast(null as timestamp(6)) as "session_started_at", try_cast(null as varchar) as "agent_status_arn", try_cast(null as varchar) as "agent_status_name", try_cast('ROUTABLE' as varchar) as "agent_status_type", try_cast('2026-11-02 10:00:00' as timestamp(6)) as "started_at", try_cast('2026-11-02 10:30:00' as timestamp(6)) as "ended_at", try_cast(null as boolean) as "is_open", try_cast(null as timestamp(6)) as "_ingested_at"
union all
select try_cast(null as varchar) as "agent_status_span_id", try_cast('a' as varchar) as "agent_arn", try_cast(null as varchar) as "agent_id", try_cast(null as timestamp(6)) as "session_started_at", try_cast(null as varchar) as "agent_status_arn", try_cast(null as varchar) as "agent_status_name", try_cast('CUSTOM' as varchar) as "agent_status_type", try_cast('2026-11-02 10:30:00' as timestamp(6)) as "started_at", try_cast('2026-11-02 11:00:00' as timestamp(6)) as "ended_at", try_cast(null as boolean) as "is_open", try_cast(null as timestamp(6)) as "_ingested_at"
),  __dbt__cte__int_agent_contact_state_spans__sequenced as (

-- Fixture for int_agent_contact_state_spans__sequenced
select try_cast(null as varchar) as "agent_contact_state_span_id", try_cast('a' as varchar) as "agent_arn", try_cast(null as varchar) as "agent_id", try_cast(null as varchar) as "contact_id", try_cast(null as varchar) as "root_contact_id", try_cast(null as varchar) as "channel", try_cast(null as varchar) as "initiation_method", try_cast(null as varchar) as "queue_arn", try_cast(null as varchar) as "queue_name", try_cast('CONNECTING' as varchar) as "contact_state", try_cast('2026-11-02 10:15:00' as timestamp(6)) as "started_at", try_cast('2026-11-02 10:20:00' as timestamp(6)) as "ended_at", try_cast(null as boolean) as "is_open", try_cast(null as timestamp(6)) as "connected_to_agent_at", try_cast(null as timestamp(6)) as "_ingested_at"
union all
select try_cast(null as varchar) as "agent_contact_state_span_id", try_cast('a' as varchar) as "agent_arn", try_cast(null as varchar) as "agent_id", try_cast(null as varchar) as "contact_id", try_cast(null as varchar) as "root_contact_id", try_cast(null as varchar) as "channel", try_cast(null as varchar) as "initiation_method", try_cast(null as varchar) as "queue_arn", try_cast(null as varchar) as "queue_name", try_cast('CONNECTED' as varchar) as "contact_state", try_cast('2026-11-02 10:20:00' as timestamp(6)) as "started_at", try_cast('2026-11-02 10:40:00' as timestamp(6)) as "ended_at", try_cast(null as boolean) as "is_open", try_cast(null as timestamp(6)) as "connected_to_agent_at", try_cast(null as timestamp(6)) as "_ingested_at"
union all
select try_cast(null as varchar) as "agent_contact_state_span_id", try_cast('a' as varchar) as "agent_arn", try_cast(null as varchar) as "agent_id", try_cast(null as varchar) as "contact_id", try_cast(null as varchar) as "root_contact_id", try_cast(null as varchar) as "channel", try_cast(null as varchar) as "initiation_method", try_cast(null as varchar) as "queue_arn", try_cast(null as varchar) as "queue_name", try_cast('ENDED' as varchar) as "contact_state", try_cast('2026-11-02 10:40:00' as timestamp(6)) as "started_at", try_cast('2026-11-02 10:45:00' as timestamp(6)) as "ended_at", try_cast(null as boolean) as "is_open", try_cast(null as timestamp(6)) as "connected_to_agent_at", try_cast(null as timestamp(6)) as "_ingested_at"
), status_spans as (
    select * from __dbt__cte__int_agent_status_spans__sessionized
),

contact_spans as (
    select * from __dbt__cte__int_agent_contact_state_spans__sequenced
    where ended_at is not null
),

status_changes as (
    select
        agent_arn,
        started_at as changed_at,
        1 as logged_in,
        case when agent_status_type <> 'OFFLINE' then 1 else 0 end as is_online,
        case when agent_status_type = 'ROUTABLE' then 1 else 0 end as is_routable,
        case when agent_status_type = 'CUSTOM' then 1 else 0 end as is_custom,
        0 as on_contact,
        0 as after_contact_work,
        0 as in_error
    from status_spans
    union all
    select
        agent_arn,
        ended_at as changed_at,
        -1 as logged_in,
        case when agent_status_type <> 'OFFLINE' then -1 else 0 end as is_online,
        case when agent_status_type = 'ROUTABLE' then -1 else 0 end as is_routable,
        case when agent_status_type = 'CUSTOM' then -1 else 0 end as is_custom,
        0 as on_contact,
        0 as after_contact_work,
        0 as in_error
    from status_spans
),

contact_changes as (
    select
        agent_arn,
        started_at as changed_at,
        0 as logged_in,
        0 as is_online,
        0 as is_routable,
        0 as is_custom,
        case when contact_state in ('CONNECTED', 'CONNECTED_ONHOLD', 'ENDED', 'PAUSED') then 1 else 0 end as on_contact,
        case when contact_state = 'ENDED' then 1 else 0 end as after_contact_work,
        case when contact_state in ('MISSED', 'REJECTED', 'ERROR') then 1 else 0 end as in_error
    from contact_spans
    union all
    select
        agent_arn,
        ended_at as changed_at,
        0 as logged_in,
        0 as is_online,
        0 as is_routable,
        0 as is_custom,
        case when contact_state in ('CONNECTED', 'CONNECTED_ONHOLD', 'ENDED', 'PAUSED') then -1 else 0 end as on_contact,
        case when contact_state = 'ENDED' then -1 else 0 end as after_contact_work,
        case when contact_state in ('MISSED', 'REJECTED', 'ERROR') then -1 else 0 end as in_error
    from contact_spans
),

changes as (
    select
        agent_arn,
        changed_at,
        sum(logged_in) as logged_in,
        sum(is_online) as online_delta,
        sum(is_routable) as routable_delta,
        sum(is_custom) as custom_delta,
        sum(on_contact) as on_contact,
        sum(after_contact_work) as after_contact_work,
        sum(in_error) as in_error
    from (
        select * from status_changes
        union all
        select * from contact_changes
    ) as all_changes
    group by 1, 2
),

swept as (
    select
        agent_arn,
        changed_at as started_at,
        lead(changed_at) over (partition by agent_arn order by changed_at) as ended_at,
        sum(logged_in)
            over (partition by agent_arn order by changed_at rows unbounded preceding)
            as logged_in,
        sum(online_delta) over (partition by agent_arn order by changed_at rows unbounded preceding)
            as online_count,
        sum(routable_delta) over (partition by agent_arn order by changed_at rows unbounded preceding)
            as routable_count,
        sum(custom_delta) over (partition by agent_arn order by changed_at rows unbounded preceding)
            as custom_count,
        sum(on_contact) over (partition by agent_arn order by changed_at rows unbounded preceding)
            as contacts_on_contact,
        sum(after_contact_work) over (partition by agent_arn order by changed_at rows unbounded preceding)
            as contacts_in_after_contact_work,
        sum(in_error) over (partition by agent_arn order by changed_at rows unbounded preceding)
            as contacts_in_error
    from changes
),

final as (
    select
        
  
    

    split_part(
        agent_arn,
        '/',
        4
        )


  
 || '|' || cast(cast(round(to_unixtime(started_at) * 1000) as bigint) as varchar) as agent_activity_segment_id,
        agent_arn,
        
  
    

    split_part(
        agent_arn,
        '/',
        4
        )


  
 as agent_id,
        started_at,
        ended_at,
        online_count > 0 as is_online,
        routable_count > 0 as is_routable,
        custom_count > 0 as is_custom_status,
        cast(contacts_on_contact as bigint) as contacts_on_contact,
        cast(contacts_in_after_contact_work as bigint) as contacts_in_after_contact_work,
        cast(contacts_in_error as bigint) as contacts_in_error,
        cast('2026-12-02 03:54:05.883060' as timestamp(6)) as _ingested_at
    from swept
    where
        logged_in > 0
        and ended_at > started_at
)

select * from final
  ) _dbt_internal_unit_test_actual
),
-- Build expected result
dbt_internal_unit_test_expected as (
  select
    "started_at", "ended_at", "is_routable", "is_custom_status", "contacts_on_contact", "contacts_in_after_contact_work", 'expected' as "actual_or_expected"
  from (
    select try_cast('2026-11-02 10:00:00' as timestamp(6)) as "started_at", try_cast('2026-11-02 10:15:00' as timestamp(6)) as "ended_at", try_cast(True as boolean) as "is_routable", try_cast(False as boolean) as "is_custom_status", try_cast(0 as bigint) as "contacts_on_contact", try_cast(0 as bigint) as "contacts_in_after_contact_work"
union all
select try_cast('2026-11-02 10:15:00' as timestamp(6)) as "started_at", try_cast('2026-11-02 10:20:00' as timestamp(6)) as "ended_at", try_cast(True as boolean) as "is_routable", try_cast(False as boolean) as "is_custom_status", try_cast(0 as bigint) as "contacts_on_contact", try_cast(0 as bigint) as "contacts_in_after_contact_work"
union all
select try_cast('2026-11-02 10:20:00' as timestamp(6)) as "started_at", try_cast('2026-11-02 10:30:00' as timestamp(6)) as "ended_at", try_cast(True as boolean) as "is_routable", try_cast(False as boolean) as "is_custom_status", try_cast(1 as bigint) as "contacts_on_contact", try_cast(0 as bigint) as "contacts_in_after_contact_work"
union all
select try_cast('2026-11-02 10:30:00' as timestamp(6)) as "started_at", try_cast('2026-11-02 10:40:00' as timestamp(6)) as "ended_at", try_cast(False as boolean) as "is_routable", try_cast(True as boolean) as "is_custom_status", try_cast(1 as bigint) as "contacts_on_contact", try_cast(0 as bigint) as "contacts_in_after_contact_work"
union all
select try_cast('2026-11-02 10:40:00' as timestamp(6)) as "started_at", try_cast('2026-11-02 10:45:00' as timestamp(6)) as "ended_at", try_cast(False as boolean) as "is_routable", try_cast(True as boolean) as "is_custom_status", try_cast(1 as bigint) as "contacts_on_contact", try_cast(1 as bigint) as "contacts_in_after_contact_work"
union all
select try_cast('2026-11-02 10:45:00' as timestamp(6)) as "started_at", try_cast('2026-11-02 11:00:00' as timestamp(6)) as "ended_at", try_cast(False as boolean) as "is_routable", try_cast(True as boolean) as "is_custom_status", try_cast(0 as bigint) as "contacts_on_contact", try_cast(0 as bigint) as "contacts_in_after_contact_work"
  ) _dbt_internal_unit_test_expected
)
-- Union actual and expected results
select * from dbt_internal_unit_test_actual
union all
select * from dbt_internal_unit_test_expected