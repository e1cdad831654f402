-- Agents as a type-2 dimension: one row per agent per version of the configuration the agent event stream
-- carries (names, routing profile, hierarchy groups), from the points where it changed
-- (int_agent_configuration_changes__detected). Agents seen only on contact records (no agent event stream
-- for them) get one version from their contact records. Rebuilt whole each run: it is small.
{%- set configuration_columns = [
    'agent_username', 'agent_first_name', 'agent_last_name', 'routing_profile_arn', 'routing_profile_name',
    'agent_hierarchy_level1', 'agent_hierarchy_level2', 'agent_hierarchy_level3', 'agent_hierarchy_level4',
    'agent_hierarchy_level5',
] %}
with changes as (
    select * from {{ ref('int_agent_configuration_changes__detected') }}
),

contact_records as (
    select * from {{ ref('stg_connect__contact_records') }}
    where agent_arn is not null
),

event_versions as (
    select
        agent_arn,
        agent_id,
        {%- for column in configuration_columns %}
        {{ column }},
        {%- endfor %}
        valid_from_at,
        'agent_events' as version_source,
        _ingested_at
    from changes
),

contact_record_only as (
    select
        contact_records.agent_arn,
        contact_records.agent_id,
        contact_records.agent_username,
        cast(null as varchar) as agent_first_name,
        cast(null as varchar) as agent_last_name,
        contact_records.routing_profile_arn,
        contact_records.routing_profile_name,
        contact_records.agent_hierarchy_level1,
        contact_records.agent_hierarchy_level2,
        contact_records.agent_hierarchy_level3,
        cast(null as varchar) as agent_hierarchy_level4,
        cast(null as varchar) as agent_hierarchy_level5,
        contact_records.connected_to_agent_at as valid_from_at,
        'contact_records' as version_source,
        contact_records._ingested_at,
        row_number() over (
            partition by contact_records.agent_arn
            order by contact_records.connected_to_agent_at, contact_records.contact_id
        ) as recency
    from contact_records
    left join (select distinct agent_arn from changes) as streamed
        on contact_records.agent_arn = streamed.agent_arn
    where streamed.agent_arn is null
),

versions as (
    select * from event_versions
    union all
    select
        agent_arn,
        agent_id,
        {%- for column in configuration_columns %}
        {{ column }},
        {%- endfor %}
        valid_from_at,
        version_source,
        _ingested_at
    from contact_record_only
    where recency = 1
),

final as (
    select
        {{ connect_lake.surrogate_key([
            'agent_arn',
            connect_lake.timestamp_key('valid_from_at')
        ], hashed=true) }}
            as agent_version_key,
        agent_arn,
        agent_id,
        {%- for column in configuration_columns %}
        {{ column }},
        {%- endfor %}
        cast(row_number() over (partition by agent_arn order by valid_from_at) as bigint) as version_number,
        valid_from_at,
        lead(valid_from_at) over (partition by agent_arn order by valid_from_at) as valid_to_at,
        lead(valid_from_at) over (partition by agent_arn order by valid_from_at) is null
            as is_current_version,
        version_source,
        _ingested_at
    from versions
)

select * from final
