

-- One row per agent per interval (var interval_minutes, aligned to the hour, UTC) in which the agent was
-- logged in, with Connect's agent activity metrics. The selected status says whether the agent is online,
-- routable or in a custom status; the contacts on the desk say what the agent is doing. Occupancy is
-- Connect's: on-contact time / (on-contact time + idle time), not concurrency-aware. An incremental run
-- rebuilds each agent with new events or a changed configuration version from the interval of its reopen
-- point on.
with
segments as (
    select * from "iceberg"."connect_lake_intermediate"."int_agent_activity_segments__swept"
),

contact_spans as (
    select * from "iceberg"."connect_lake_intermediate"."int_agent_contact_state_spans__sequenced"
),

agents as (
    select * from "iceberg"."connect_lake_marts"."dim_agents"
),

-- a segment that crosses interval boundaries is cut at each one
pieces as (
    select
        segments.agent_arn,
        segments.agent_id,
        slots.interval_start,
        segments.is_online,
        segments.is_routable,
        segments.is_custom_status,
        segments.contacts_on_contact,
        segments.contacts_in_after_contact_work,
        segments.contacts_in_error,
        (cast((cast(round(to_unixtime(least(segments.ended_at, date_add('minute', 15, slots.interval_start))) * 1000) as bigint) - cast(round(to_unixtime(greatest(segments.started_at, slots.interval_start)) * 1000) as bigint)) as double) / 1000) as duration_s
    from segments
    cross join unnest(sequence(cast(date_add('minute', cast(floor(extract(minute from segments.started_at) / 15) * 15 as bigint), date_trunc('hour', segments.started_at)) as timestamp), segments.ended_at, interval '15' minute)) as slots (interval_start)
    where slots.interval_start < segments.ended_at
),

activity as (
    select
        agent_arn,
        agent_id,
        interval_start,
        sum(case when is_online then duration_s else 0 end) as online_time_s,
        sum(case when is_routable and contacts_on_contact = 0 then duration_s else 0 end)
            as agent_idle_time_s,
        sum(case when is_routable and contacts_on_contact > 0 then duration_s else 0 end)
            as agent_on_contact_time_s,
        sum(duration_s * contacts_in_after_contact_work) as after_contact_work_time_s,
        sum(duration_s * contacts_on_contact) as contact_handle_time_s,
        sum(case when is_custom_status then duration_s else 0 end) as non_productive_time_s,
        sum(case when is_custom_status and contacts_on_contact > 0 then duration_s else 0 end)
            as on_contact_in_custom_status_time_s,
        sum(case when contacts_in_error > 0 and contacts_on_contact = 0 then duration_s else 0 end)
            as error_status_time_s
    from pieces
    group by 1, 2, 3
),

-- counts are taken in the interval the state began
offers as (
    select
        agent_arn,
        cast(date_add('minute', cast(floor(extract(minute from started_at) / 15) * 15 as bigint), date_trunc('hour', started_at)) as timestamp) as interval_start,
        count(case when contact_state in ('MISSED', 'REJECTED') then 1 end) as agent_non_response,
        count(
            distinct case
                when contact_state = 'CONNECTED' and started_at = connected_to_agent_at then contact_id
            end
        ) as contacts_handled
    from contact_spans
    group by agent_arn, cast(date_add('minute', cast(floor(extract(minute from started_at) / 15) * 15 as bigint), date_trunc('hour', started_at)) as timestamp)
),

final as (
    select
        activity.agent_id || '|' || cast(cast(round(to_unixtime(activity.interval_start) * 1000) as bigint) as varchar) as agent_interval_id,
        activity.agent_arn,
        activity.agent_id,
        agents.agent_version_key,
        agents.agent_username,
        agents.routing_profile_name,
        activity.interval_start,
        cast(date_add('minute', 15, activity.interval_start) as timestamp) as interval_end,
        cast(activity.interval_start as date) as interval_date,
        activity.online_time_s,
        activity.agent_idle_time_s,
        activity.agent_on_contact_time_s,
        activity.after_contact_work_time_s,
        activity.contact_handle_time_s,
        activity.non_productive_time_s,
        activity.on_contact_in_custom_status_time_s,
        activity.error_status_time_s,
        cast(coalesce(offers.agent_non_response, 0) as bigint) as agent_non_response,
        cast(coalesce(offers.contacts_handled, 0) as bigint) as contacts_handled,
        case
            when activity.agent_on_contact_time_s + activity.agent_idle_time_s > 0
                then 100.0 * activity.agent_on_contact_time_s
                    / (activity.agent_on_contact_time_s + activity.agent_idle_time_s)
        end as occupancy_pct,
        cast('2026-12-02 03:54:05.883060' as timestamp(6)) as _ingested_at
    from activity
    left join offers
        on
            activity.agent_arn = offers.agent_arn
            and activity.interval_start = offers.interval_start
    left join agents
        on agents.agent_arn = activity.agent_arn
    and (activity.interval_start >= agents.valid_from or agents.version_number = 1)
    and (agents.valid_to is null or activity.interval_start < agents.valid_to)
)

select * from final