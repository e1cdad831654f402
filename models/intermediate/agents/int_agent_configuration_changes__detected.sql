{{
    config(
        materialized='incremental',
        incremental_strategy='append',
        pre_hook="{{ connect_lake.delete_rows_to_rebuild(
            'agent_configuration_change_id', connect_lake.agent_first_new_events(), ['agent_arn'],
            'valid_from_at', 'reopen_at'
        ) }}",
    )
}}
-- One row per agent event whose configuration (names, routing profile, hierarchy groups) differs from the
-- agent's event before it, the agent's first event included: where each version of dim_agents starts. Free
-- slots, which change with every contact, are not part of the configuration. Every event carries the whole
-- configuration, so an incremental run rebuilds each agent from its first new event, comparing it with the
-- configuration of the event just before.
{%- set configuration_columns = [
    'agent_username', 'agent_first_name', 'agent_last_name', 'routing_profile_arn', 'routing_profile_name',
    'agent_hierarchy_level1', 'agent_hierarchy_level2', 'agent_hierarchy_level3', 'agent_hierarchy_level4',
    'agent_hierarchy_level5',
] %}
{%- set configuration_hash = connect_lake.surrogate_key(
    configuration_columns | reject('equalto', 'routing_profile_name') | list, hashed=true
) %}
with
{%- if is_incremental() %}
first_new as (
    {{ connect_lake.agent_first_new_events() }}
),

events as (
    select events.*
    from {{ ref('stg_connect__agent_events') }} as events
    inner join first_new on events.agent_arn = first_new.agent_arn
    where events.event_at >= first_new.reopen_at
),

previous as (
    select
        agent_arn,
        configuration_hash
    from (
        select
            events.agent_arn,
            {{ configuration_hash }} as configuration_hash,
            row_number() over (
                partition by events.agent_arn order by events.event_at desc, events.event_id desc
            ) as recency
        from {{ ref('stg_connect__agent_events') }} as events
        inner join first_new on events.agent_arn = first_new.agent_arn
        where events.event_at < first_new.reopen_at and events.agent_username is not null
    ) as before_reopen
    where recency = 1
),
{%- else %}
events as (
    select * from {{ ref('stg_connect__agent_events') }}
),
{%- endif %}

configured as (
    select
        *,
        {{ configuration_hash }} as configuration_hash
    from events
    where agent_username is not null
),

changes as (
    select
        configured.*,
        coalesce(
            lag(configured.configuration_hash) over (
                partition by configured.agent_arn order by configured.event_at, configured.event_id
            ),
            {%- if is_incremental() %}
            previous.configuration_hash
            {%- else %}
            cast(null as varchar)
            {%- endif %}
        ) as previous_configuration_hash
    from configured
    {%- if is_incremental() %}
    left join previous on configured.agent_arn = previous.agent_arn
    {%- endif %}
),

final as (
    select
        {{ connect_lake.surrogate_key([
            'agent_id',
            connect_lake.timestamp_key('event_at')
        ]) }}
            as agent_configuration_change_id,
        agent_arn,
        agent_id,
        {%- for column in configuration_columns %}
        {{ column }},
        {%- endfor %}
        event_at as valid_from_at,
        event_id,
        _ingested_at
    from changes
    where previous_configuration_hash is null or previous_configuration_hash <> configuration_hash
)

select * from final
