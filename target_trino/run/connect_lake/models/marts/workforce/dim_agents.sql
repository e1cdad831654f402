
  
    create table
    "iceberg"."connect_lake_marts"."dim_agents__dbt_tmp"
    
  (
    agent_version_key varchar,
    agent_arn varchar,
    agent_id varchar,
    agent_username varchar,
    agent_first_name varchar,
    agent_last_name varchar,
    routing_profile_arn varchar,
    routing_profile_name varchar,
    agent_hierarchy_level1 varchar,
    agent_hierarchy_level2 varchar,
    agent_hierarchy_level3 varchar,
    agent_hierarchy_level4 varchar,
    agent_hierarchy_level5 varchar,
    version_number bigint,
    valid_from timestamp,
    valid_to timestamp,
    is_current_version boolean,
    version_source varchar,
    _ingested_at timestamp
    
    )

    
    comment 'Agents as a type-2 dimension: one row per agent per version of the configuration the agent event stream carries (names, routing profile, hierarchy groups), valid from the first event that shows it to the next version. Free slots are not part of a version. Agents seen only on contact records get one version from them (version_source). Join a fact with `connect_lake.agent_version_as_of`: the version whose [valid_from, valid_to) holds the fact''s time (the first version also covers earlier times).
'
    
    with (
        format = 'PARQUET'
    )
  ;

  insert into "iceberg"."connect_lake_marts"."dim_agents__dbt_tmp"
    (
      
    select agent_version_key, agent_arn, agent_id, agent_username, agent_first_name, agent_last_name, routing_profile_arn, routing_profile_name, agent_hierarchy_level1, agent_hierarchy_level2, agent_hierarchy_level3, agent_hierarchy_level4, agent_hierarchy_level5, version_number, valid_from, valid_to, is_current_version, version_source, _ingested_at
    from (
        -- Agents as a type-2 dimension: one row per agent per version of the configuration the agent event stream
-- carries (names, routing profile, hierarchy groups), from the points where it changed
-- (int_agent_configuration_changes__detected). Agents seen only on contact records (no agent event stream
-- for them) get one version from their contact records. Rebuilt whole each run: it is small.
with changes as (
    select * from "iceberg"."connect_lake_intermediate"."int_agent_configuration_changes__detected"
),

contact_records as (
    select * from "iceberg"."connect_lake_staging"."stg_connect__contact_records"
    where agent_arn is not null
),

event_versions as (
    select
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
        valid_from,
        'agent_events' as version_source,
        _ingested_at
    from changes
),

contact_record_only as (
    select
        contact_records.agent_arn,
        
  
    

    split_part(
        contact_records.agent_arn,
        '/',
        4
        )


  
 as agent_id,
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
        contact_records.connected_to_agent_at as valid_from,
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
        valid_from,
        version_source,
        _ingested_at
    from contact_record_only
    where recency = 1
),

final as (
    select
        lower(to_hex(md5(to_utf8(cast(agent_arn || '|' || cast(cast(round(to_unixtime(valid_from) * 1000) as bigint) as varchar) as varchar)))))
            as agent_version_key,
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
        cast(row_number() over (partition by agent_arn order by valid_from) as bigint) as version_number,
        valid_from,
        lead(valid_from) over (partition by agent_arn order by valid_from) as valid_to,
        lead(valid_from) over (partition by agent_arn order by valid_from) is null as is_current_version,
        version_source,
        _ingested_at
    from versions
)

select * from final
    ) as model_subq
    )
  ;

  