{{ config(materialized="table") }}
-- Every agent event once, typed and renamed, with the snapshot's Contacts[] kept as an array for
-- stg_connect__agent_event_contacts. Kinesis delivers at least once: a repeated EventId is the same event, so
-- one copy is kept (the first landed, so the choice does not depend on read order).
with source as (
    select * from {{ source('connect', 'agent_events') }}
),

renamed as (
    select
        eventid as event_id,
        agentarn as agent_arn,
        {{ dbt.split_part('agentarn', "'/'", 4) }} as agent_id,
        eventtype as event_type,
        {{ connect_lake.parse_iso8601_ts('eventtimestamp') }} as event_at,
        instancearn as instance_arn,
        awsaccountid as aws_account_id,
        version as event_version,

        currentagentsnapshot.agentstatus.arn as agent_status_arn,
        currentagentsnapshot.agentstatus.name as agent_status_name,
        currentagentsnapshot.agentstatus.type as agent_status_type,
        {{ connect_lake.parse_iso8601_ts('currentagentsnapshot.agentstatus.starttimestamp') }}
            as agent_status_started_at,
        currentagentsnapshot.nextagentstatus.name as next_agent_status_name,
        {{ connect_lake.parse_iso8601_ts('currentagentsnapshot.nextagentstatus.enqueuedtimestamp') }}
            as next_agent_status_enqueued_at,

        currentagentsnapshot.configuration.username as agent_username,
        currentagentsnapshot.configuration.firstname as agent_first_name,
        currentagentsnapshot.configuration.lastname as agent_last_name,
        currentagentsnapshot.configuration.routingprofile.arn as routing_profile_arn,
        currentagentsnapshot.configuration.routingprofile.name as routing_profile_name,
        currentagentsnapshot.configuration.agenthierarchygroups.level1.name as agent_hierarchy_level1,
        currentagentsnapshot.configuration.agenthierarchygroups.level2.name as agent_hierarchy_level2,
        currentagentsnapshot.configuration.agenthierarchygroups.level3.name as agent_hierarchy_level3,
        currentagentsnapshot.configuration.agenthierarchygroups.level4.name as agent_hierarchy_level4,
        currentagentsnapshot.configuration.agenthierarchygroups.level5.name as agent_hierarchy_level5,
        currentagentsnapshot.contacts as contacts,

        _source_file,
        _datehour
    from source
    -- a line that is not an agent event reads as a row of nulls; stg_connect__rejected_lines lists it
    where eventid is not null
),

deduplicated as (
    select
        *,
        row_number() over (partition by event_id order by _source_file) as delivery_rank,
        count(*) over (partition by event_id) as deliveries
    from renamed
)

select * from deduplicated
where delivery_rank = 1
