{{
    config(
        materialized='incremental',
        incremental_strategy='append',
        partitioned_by=['month(status_date)'],
        pre_hook="{{ connect_lake.delete_rows_to_rebuild(
            'agent_status_span_id', connect_lake.agent_fact_reopen_points(), ['agent_arn'], 'started_at', 'reopen_at'
        ) }}",
    )
}}
-- One row per span an agent spent in one selected status while logged in, with the agent's configuration
-- at the time. Custom statuses (Break, Lunch, Training, ...) are non-productive time; the selected status is
-- not the activity (an agent stays Available while on a call): the activity is in fct_agent_intervals. An
-- incremental run rebuilds each agent with new events or a changed configuration version from its reopen
-- point.
with
{%- if is_incremental() %}
reopen as (
    {{ connect_lake.agent_fact_reopen_points() }}
),

spans as (
    select spans.*
    from {{ ref('int_agent_status_spans__sessionized') }} as spans
    inner join reopen on spans.agent_arn = reopen.agent_arn
    where spans.started_at >= reopen.reopen_at
),
{%- else %}
spans as (
    select * from {{ ref('int_agent_status_spans__sessionized') }}
),
{%- endif %}

{%- set span_seconds = connect_lake.duration_s(
    'spans.started_at', 'spans.ended_at', precision='millisecond'
) %}

agents as (
    select * from {{ ref('dim_agents') }}
),

final as (
    select
        spans.agent_status_span_id,
        spans.agent_arn,
        spans.agent_id,
        agents.agent_version_key,
        agents.agent_username,
        agents.routing_profile_name,
        spans.session_started_at,
        spans.agent_status_arn,
        spans.agent_status_name,
        spans.agent_status_type,
        spans.agent_status_type = 'CUSTOM' as is_custom_status,
        spans.started_at,
        spans.ended_at,
        cast(spans.started_at as date) as status_date,
        {{ span_seconds }} as duration_s,
        case
            when spans.agent_status_type <> 'OFFLINE'
                then {{ span_seconds }}
            else 0
        end as online_time_s,
        case
            when spans.agent_status_type = 'CUSTOM'
                then {{ span_seconds }}
            else 0
        end as non_productive_time_s,
        spans.is_open,
        {{ connect_lake.ingested_at() }} as _ingested_at
    from spans
    left join agents
        on {{ connect_lake.agent_version_as_of('agents', 'spans.agent_arn', 'spans.started_at') }}
)

select * from final
