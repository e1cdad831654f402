
-- One row per agent event whose configuration (names, routing profile, hierarchy groups) differs from the
-- agent's event before it, the agent's first event included: where each version of dim_agents starts. Free
-- slots, which change with every contact, are not part of the configuration. Every event carries the whole
-- configuration, so an incremental run rebuilds each agent from its first new event, comparing it with the
-- configuration of the event just before.
with
events as (
    select * from "iceberg"."connect_lake_staging"."stg_connect__agent_events"
),

configured as (
    select
        *,
        lower(to_hex(md5(to_utf8(cast(coalesce(agent_username, '') || '|' || coalesce(agent_first_name, '') || '|' || coalesce(agent_last_name, '') || '|' || coalesce(routing_profile_arn, '') || '|' || coalesce(agent_hierarchy_level1, '') || '|' || coalesce(agent_hierarchy_level2, '') || '|' || coalesce(agent_hierarchy_level3, '') || '|' || coalesce(agent_hierarchy_level4, '') || '|' || coalesce(agent_hierarchy_level5, '') as varchar))))) as configuration_hash
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
            cast(null as varchar)
        ) as previous_configuration_hash
    from configured
),

final as (
    select
        agent_id || '|' || cast(cast(round(to_unixtime(event_at) * 1000) as bigint) as varchar)
            as agent_configuration_change_id,
        agent_arn,
        agent_id,
        agent_username,
        agent_first_name,
        agent_last_name,
        routing_profile_arn,
        routing_profile_name,
        agent_hierarchy_level1,
        agent_hierarchy_level2,
        agent_hierarchy_level3,
        agent_hierarchy_level4,
        agent_hierarchy_level5,
        event_at as valid_from,
        event_id,
        _ingested_at
    from changes
    where previous_configuration_hash is null or previous_configuration_hash <> configuration_hash
)

select * from final