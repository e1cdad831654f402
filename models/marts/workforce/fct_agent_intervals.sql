{%- set minutes = var('interval_minutes') %}
{{
    config(
        materialized='incremental',
        incremental_strategy='append',
        partitioned_by=['month(interval_date)'],
        pre_hook="{{ connect_lake.delete_rows_to_rebuild(
            'agent_interval_id', connect_lake.agent_interval_reopen_points(), ['agent_arn'], 'interval_start_at', 'reopen_at'
        ) }}",
    )
}}
-- One row per agent per interval (var interval_minutes, aligned to the hour, UTC) in which the agent was
-- logged in, with Connect's agent activity metrics. The selected status says whether the agent is online,
-- routable or in a custom status; the contacts on the desk say what the agent is doing. Occupancy is
-- Connect's: on-contact time / (on-contact time + idle time), not concurrency-aware. An incremental run
-- rebuilds each agent with new events or a changed configuration version from the interval of its reopen
-- point on.
with
{%- if is_incremental() %}
reopen as (
    {{ connect_lake.agent_interval_reopen_points() }}
),

segments as (
    select
        segments.agent_arn,
        segments.agent_id,
        greatest(segments.started_at, reopen.reopen_at) as started_at,
        segments.ended_at,
        segments.is_online,
        segments.is_routable,
        segments.is_custom_status,
        segments.contacts_on_contact,
        segments.contacts_in_after_contact_work,
        segments.contacts_in_error
    from {{ ref('int_agent_activity_segments__swept') }} as segments
    inner join reopen on segments.agent_arn = reopen.agent_arn
    where segments.ended_at > reopen.reopen_at
),

contact_spans as (
    select spans.*
    from {{ ref('int_agent_contact_state_spans__sequenced') }} as spans
    inner join reopen on spans.agent_arn = reopen.agent_arn
    where spans.started_at >= reopen.reopen_at
),
{%- else %}
segments as (
    select * from {{ ref('int_agent_activity_segments__swept') }}
),

contact_spans as (
    select * from {{ ref('int_agent_contact_state_spans__sequenced') }}
),
{%- endif %}

agents as (
    select * from {{ ref('dim_agents') }}
),

-- a segment that crosses interval boundaries is cut at each one
pieces as (
    select
        segments.agent_arn,
        segments.agent_id,
        slots.interval_start_at,
        segments.is_online,
        segments.is_routable,
        segments.is_custom_status,
        segments.contacts_on_contact,
        segments.contacts_in_after_contact_work,
        segments.contacts_in_error,
        {{ connect_lake.duration_s(
            'greatest(segments.started_at, slots.interval_start_at)',
            'least(segments.ended_at, ' ~ dbt.dateadd('minute', minutes, 'slots.interval_start_at') ~ ')',
            precision='millisecond'
        ) }} as duration_s
    from segments
    cross join unnest({{ connect_lake.timestamp_series(
        connect_lake.time_bucket('segments.started_at', minutes), 'segments.ended_at', minutes
    ) }}) as slots (interval_start_at)
    where slots.interval_start_at < segments.ended_at
),

activity as (
    select
        agent_arn,
        agent_id,
        interval_start_at,
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
        {{ connect_lake.time_bucket('started_at', minutes) }} as interval_start_at,
        count(case when contact_state in ('MISSED', 'REJECTED') then 1 end) as agent_non_response_count,
        count(
            distinct case
                when contact_state = 'CONNECTED' and started_at = connected_to_agent_at then contact_id
            end
        ) as contacts_handled
    from contact_spans
    group by agent_arn, {{ connect_lake.time_bucket('started_at', minutes) }}
),

final as (
    select
        {{ connect_lake.surrogate_key([
            'activity.agent_id',
            connect_lake.timestamp_key('activity.interval_start_at')
        ]) }} as agent_interval_id,
        activity.agent_arn,
        activity.agent_id,
        agents.agent_version_key,
        agents.agent_username,
        agents.routing_profile_name,
        activity.interval_start_at,
        -- timestamp(6), as the table stores it (Trino's plain timestamp is timestamp(3))
        cast(
            {{ dbt.dateadd('minute', minutes, 'activity.interval_start_at') }}
            as {{ connect_lake.timestamp_type() }}
        ) as interval_end_at,
        cast(activity.interval_start_at as date) as interval_date,
        activity.online_time_s,
        activity.agent_idle_time_s,
        activity.agent_on_contact_time_s,
        activity.after_contact_work_time_s,
        activity.contact_handle_time_s,
        activity.non_productive_time_s,
        activity.on_contact_in_custom_status_time_s,
        activity.error_status_time_s,
        cast(coalesce(offers.agent_non_response_count, 0) as bigint) as agent_non_response_count,
        cast(coalesce(offers.contacts_handled, 0) as bigint) as contacts_handled,
        case
            when activity.agent_on_contact_time_s + activity.agent_idle_time_s > 0
                then 100.0 * activity.agent_on_contact_time_s
                    / (activity.agent_on_contact_time_s + activity.agent_idle_time_s)
        end as occupancy_pct,
        {{ connect_lake.ingested_at() }} as _ingested_at
    from activity
    left join offers
        on
            activity.agent_arn = offers.agent_arn
            and activity.interval_start_at = offers.interval_start_at
    left join agents
        on {{ connect_lake.agent_version_as_of(
            'agents', 'activity.agent_arn', 'activity.interval_start_at'
        ) }}
)

select * from final
