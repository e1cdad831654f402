-- Agents as a type-2 dimension: one row per agent per version of the configuration the agent event stream
-- carries (names, routing profile, hierarchy groups), from the points where it changed
-- (int_agent_configuration_changes__detected). Agents seen only on contact records (no agent event stream
-- for them) get one version from their contact records. Each version also carries the agent's phone settings
-- and hierarchy group from the user configuration snapshot in force when it began (the first snapshot, for a
-- version older than every snapshot), and the hierarchy's level names from the newest snapshot. Rebuilt whole
-- each run: it is small.
{%- set configuration_columns = [
    'agent_username', 'agent_first_name', 'agent_last_name', 'routing_profile_arn', 'routing_profile_name',
    'agent_hierarchy_level1', 'agent_hierarchy_level2', 'agent_hierarchy_level3', 'agent_hierarchy_level4',
    'agent_hierarchy_level5',
] %}
{%- set user_columns = [
    'agent_first_name', 'agent_last_name', 'phone_type', 'is_auto_accept', 'after_contact_work_time_limit_s',
    'hierarchy_group_id',
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

user_snapshots as (
    select * from {{ ref('stg_connect__config_users') }}
),

{{ connect_lake.configuration_versions('user_versions', 'user_snapshots', ['agent_arn'], user_columns) }},

hierarchy_structure as (
    select
        hierarchy_level1_label,
        hierarchy_level2_label,
        hierarchy_level3_label,
        hierarchy_level4_label,
        hierarchy_level5_label,
        row_number() over (order by snapshot_at desc) as recency
    from {{ ref('stg_connect__config_user_hierarchy_structure') }}
),

configured_versions as (
    select
        versions.*,
        {%- for column in user_columns %}
        user_versions.{{ column }} as configured_{{ column }},
        {%- endfor %}
        row_number() over (
            partition by versions.agent_arn, versions.valid_from_at
            order by
                case when user_versions.valid_from_at <= versions.valid_from_at then 0 else 1 end,
                case
                    when user_versions.valid_from_at <= versions.valid_from_at
                        then user_versions.valid_from_at
                end desc,
                user_versions.valid_from_at
        ) as configuration_rank
    from versions
    left join user_versions on versions.agent_arn = user_versions.agent_arn
),

configured as (
    select
        configured_versions.*,
        hierarchy_structure.hierarchy_level1_label,
        hierarchy_structure.hierarchy_level2_label,
        hierarchy_structure.hierarchy_level3_label,
        hierarchy_structure.hierarchy_level4_label,
        hierarchy_structure.hierarchy_level5_label
    from configured_versions
    left join hierarchy_structure on hierarchy_structure.recency = 1
    where configured_versions.configuration_rank = 1
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
        {%- if column in ('agent_first_name', 'agent_last_name') %}
        coalesce({{ column }}, configured_{{ column }}) as {{ column }},
        {%- else %}
        {{ column }},
        {%- endif %}
        {%- endfor %}
        configured_hierarchy_group_id as hierarchy_group_id,
        hierarchy_level1_label,
        hierarchy_level2_label,
        hierarchy_level3_label,
        hierarchy_level4_label,
        hierarchy_level5_label,
        configured_phone_type as phone_type,
        configured_is_auto_accept as is_auto_accept,
        cast(configured_after_contact_work_time_limit_s as bigint) as after_contact_work_time_limit_s,
        cast(row_number() over (partition by agent_arn order by valid_from_at) as bigint) as version_number,
        valid_from_at,
        lead(valid_from_at) over (partition by agent_arn order by valid_from_at) as valid_to_at,
        lead(valid_from_at) over (partition by agent_arn order by valid_from_at) is null
            as is_current_version,
        version_source,
        _ingested_at
    from configured
)

select * from final
