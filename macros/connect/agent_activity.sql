{% macro on_contact_states() -%}
    ('CONNECTED', 'CONNECTED_ONHOLD', 'ENDED', 'PAUSED')
{%- endmacro %}

{% macro error_contact_states() -%}
    ('MISSED', 'REJECTED', 'ERROR')
{%- endmacro %}

{% macro agent_version_as_of(dim_alias, agent_arn_column, at_column) -%}
    {{ dim_alias }}.agent_arn = {{ agent_arn_column }}
    and ({{ at_column }} >= {{ dim_alias }}.valid_from_at or {{ dim_alias }}.version_number = 1)
    and ({{ dim_alias }}.valid_to_at is null or {{ at_column }} < {{ dim_alias }}.valid_to_at)
{%- endmacro %}


{% macro agent_reopen_points() -%}
    {%- set events = ref('stg_connect__agent_events') -%}
    {%- set desk = ref('stg_connect__agent_event_contacts') -%}
    with first_new as (
        select
            agent_arn,
            min(event_at) as first_event_at,
            min(agent_status_started_at) as first_status_started_at
        from {{ events }}
        where {{ connect_lake.ingested_since_last_run() }}
        group by 1
    ),

    first_new_desk as (
        select
            agent_arn,
            min(contact_state_started_at) as first_state_started_at
        from {{ desk }}
        where {{ connect_lake.ingested_since_last_run() }}
        group by 1
    ),

    -- the newest event of each agent already seen, at or before its first new one: an aggregate, not a window
    -- over the agent's whole history, so the cost of finding it does not grow with the history
    last_seen_at as (
        select
            seen.agent_arn,
            max(seen.event_at) as event_at
        from {{ events }} as seen
        inner join first_new on seen.agent_arn = first_new.agent_arn
        where
            {{ connect_lake.ingested_before_last_run('seen._ingested_at') }}
            and seen.event_at <= first_new.first_event_at
        group by 1
    ),

    last_seen as (
        select
            agent_arn,
            event_id,
            agent_status_started_at
        from (
            select
                seen.agent_arn,
                seen.event_id,
                seen.agent_status_started_at,
                row_number() over (partition by seen.agent_arn order by seen.event_id desc) as recency
            from {{ events }} as seen
            inner join last_seen_at
                on seen.agent_arn = last_seen_at.agent_arn and seen.event_at = last_seen_at.event_at
            where {{ connect_lake.ingested_before_last_run('seen._ingested_at') }}
        ) as newest
        where recency = 1
    ),

    last_seen_desk as (
        select
            last_seen.agent_arn,
            min(desk.contact_state_started_at) as first_state_started_at
        from last_seen
        inner join {{ desk }} as desk on last_seen.event_id = desk.event_id
        group by 1
    )

    select
        first_new.agent_arn,
        {{ connect_lake.earliest([
            'last_seen.agent_status_started_at', 'last_seen_desk.first_state_started_at',
            'first_new.first_status_started_at', 'first_new_desk.first_state_started_at'
        ]) }} as reopen_at
    from first_new
    left join first_new_desk on first_new.agent_arn = first_new_desk.agent_arn
    left join last_seen on first_new.agent_arn = last_seen.agent_arn
    left join last_seen_desk on first_new.agent_arn = last_seen_desk.agent_arn
{%- endmacro %}


{% macro agent_first_new_events() -%}
    select
        agent_arn,
        min(event_at) as reopen_at
    from {{ ref('stg_connect__agent_events') }}
    where {{ connect_lake.ingested_since_last_run() }}
    group by 1
{%- endmacro %}


{% macro agent_version_changes() -%}
    select
        agent_arn,
        min(case when version_number = 1 then cast('1900-01-01 00:00:00' as {{ connect_lake.timestamp_type() }}) else valid_from_at end)
            as reopen_at
    from {{ ref('dim_agents') }}
    where {{ connect_lake.ingested_since_last_run() }}
    group by 1
{%- endmacro %}


{% macro agent_fact_reopen_points() -%}
    select
        agent_arn,
        min(reopen_at) as reopen_at
    from (
        {{ connect_lake.agent_reopen_points() }}
        union all
        {{ connect_lake.agent_version_changes() }}
    ) as changes
    group by 1
{%- endmacro %}


{% macro agent_interval_reopen_points() -%}
    select
        agent_arn,
        {{ connect_lake.time_bucket('reopen_at', var('interval_minutes')) }} as reopen_at
    from ({{ connect_lake.agent_fact_reopen_points() }}) as points
{%- endmacro %}


{% macro agent_segment_reopen_points() -%}
    select
        reopen.agent_arn,
        coalesce(max(points.changed_at), min(reopen.reopen_at)) as reopen_at
    from ({{ connect_lake.agent_reopen_points() }}) as reopen
    left join (
        select agent_arn, started_at as changed_at from {{ ref('int_agent_status_spans__sessionized') }}
        union all
        select agent_arn, ended_at from {{ ref('int_agent_status_spans__sessionized') }}
        union all
        select agent_arn, started_at from {{ ref('int_agent_contact_state_spans__sequenced') }}
        where ended_at is not null
        union all
        select agent_arn, ended_at from {{ ref('int_agent_contact_state_spans__sequenced') }}
        where ended_at is not null
    ) as points
        on reopen.agent_arn = points.agent_arn and points.changed_at <= reopen.reopen_at
    group by reopen.agent_arn
{%- endmacro %}
