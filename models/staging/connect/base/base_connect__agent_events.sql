-- Every line of every agent-event object ever landed, read once (each run reads only the objects this table
-- does not hold yet). An event that passes the record rules is typed here, with its snapshot's Contacts[]
-- kept as an array for stg_connect__agent_event_contacts; a line or object that cannot be used keeps its
-- reason for stg_connect__quarantine. stg_connect__agent_events keeps one copy per EventId.
with landed as (
    -- the lines are numbered by a window frame without order by, which DuckDB streams and sqlfluff cannot
    -- parse: hence the noqa
    {{ connect_lake.landed_records('agent_events', source('connect', 'agent_events')) }}  -- noqa
),

-- the agent after the event: short paths to what the columns below read
with_snapshot as (
    select
        landed.*,
        landed.payload.currentagentsnapshot as agent_after
    from landed
),

typed as (
    select
        {{ connect_lake.landed_columns() }},

        record_key as event_id,
        payload.agentarn as agent_arn,
        {{ dbt.split_part('payload.agentarn', "'/'", 4) }} as agent_id,
        payload.eventtype as event_type,
        {{ connect_lake.try_parse_iso8601_ts('payload.eventtimestamp') }} as event_at,
        payload.instancearn as instance_arn,
        payload.awsaccountid as aws_account_id,
        payload.version as event_version,

        agent_after.agentstatus.arn as agent_status_arn,
        agent_after.agentstatus.name as agent_status_name,
        agent_after.agentstatus.type as agent_status_type,
        {{ connect_lake.try_parse_iso8601_ts('agent_after.agentstatus.starttimestamp') }}
            as agent_status_started_at,
        agent_after.nextagentstatus.name as next_agent_status_name,
        {{ connect_lake.try_parse_iso8601_ts('agent_after.nextagentstatus.enqueuedtimestamp') }}
            as next_agent_status_enqueued_at,

        agent_after.configuration.username as agent_username,
        agent_after.configuration.firstname as agent_first_name,
        agent_after.configuration.lastname as agent_last_name,
        agent_after.configuration.routingprofile.arn as routing_profile_arn,
        agent_after.configuration.routingprofile.name as routing_profile_name,
        agent_after.configuration.agenthierarchygroups.level1.name as agent_hierarchy_level1,
        agent_after.configuration.agenthierarchygroups.level2.name as agent_hierarchy_level2,
        agent_after.configuration.agenthierarchygroups.level3.name as agent_hierarchy_level3,
        agent_after.configuration.agenthierarchygroups.level4.name as agent_hierarchy_level4,
        agent_after.configuration.agenthierarchygroups.level5.name as agent_hierarchy_level5,
        agent_after.contacts as contacts
    from with_snapshot
)

select * from typed
