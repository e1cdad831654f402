{{
    config(
        materialized='incremental',
        incremental_strategy='append',
        pre_hook="{{ connect_lake.delete_rows_to_rebuild(
            'agent_activity_segment_id', connect_lake.agent_segment_reopen_points(), ['agent_arn'],
            'started_at', 'reopen_at'
        ) }}",
    )
}}
-- The logged-in time of each agent cut into segments in which nothing changes: neither the selected
-- status nor the state of any contact on the desk. Each segment carries the status type and how many
-- contacts are in each activity, so every agent metric is a sum over segments. Built as a sweep: every
-- span start adds one to its counters and every span end takes one away; the running sums between two
-- consecutive change points describe the segment. An incremental run sweeps each agent with new events from
-- the last change point before its reopen point: spans already running there count from that point on.
with
{%- if is_incremental() %}
reopen as (
    {{ connect_lake.agent_segment_reopen_points() }}
),

status_spans as (
    select
        spans.agent_arn,
        spans.agent_status_type,
        greatest(spans.started_at, reopen.reopen_at) as started_at,
        spans.ended_at
    from {{ ref('int_agent_status_spans__sessionized') }} as spans
    inner join reopen on spans.agent_arn = reopen.agent_arn
    where spans.ended_at > reopen.reopen_at
),

contact_spans as (
    select
        spans.agent_arn,
        spans.contact_state,
        greatest(spans.started_at, reopen.reopen_at) as started_at,
        spans.ended_at
    from {{ ref('int_agent_contact_state_spans__sequenced') }} as spans
    inner join reopen on spans.agent_arn = reopen.agent_arn
    where spans.ended_at is not null and spans.ended_at > reopen.reopen_at
),
{%- else %}
status_spans as (
    select * from {{ ref('int_agent_status_spans__sessionized') }}
),

contact_spans as (
    select * from {{ ref('int_agent_contact_state_spans__sequenced') }}
    where ended_at is not null
),
{%- endif %}

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
        case when contact_state in {{ connect_lake.on_contact_states() }} then 1 else 0 end as on_contact,
        case when contact_state = 'ENDED' then 1 else 0 end as after_contact_work,
        case when contact_state in {{ connect_lake.error_contact_states() }} then 1 else 0 end as in_error
    from contact_spans
    union all
    select
        agent_arn,
        ended_at as changed_at,
        0 as logged_in,
        0 as is_online,
        0 as is_routable,
        0 as is_custom,
        case when contact_state in {{ connect_lake.on_contact_states() }} then -1 else 0 end as on_contact,
        case when contact_state = 'ENDED' then -1 else 0 end as after_contact_work,
        case when contact_state in {{ connect_lake.error_contact_states() }} then -1 else 0 end as in_error
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
        {{ connect_lake.surrogate_key([
            dbt.split_part('agent_arn', "'/'", 4),
            connect_lake.timestamp_key('started_at')
        ]) }} as agent_activity_segment_id,
        agent_arn,
        {{ dbt.split_part('agent_arn', "'/'", 4) }} as agent_id,
        started_at,
        ended_at,
        online_count > 0 as is_online,
        routable_count > 0 as is_routable,
        custom_count > 0 as is_custom_status,
        cast(contacts_on_contact as bigint) as contacts_on_contact,
        cast(contacts_in_after_contact_work as bigint) as contacts_in_after_contact_work,
        cast(contacts_in_error as bigint) as contacts_in_error,
        {{ connect_lake.ingested_at() }} as _ingested_at
    from swept
    where
        logged_in > 0
        and ended_at > started_at
)

select * from final
