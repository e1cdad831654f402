{{
    config(
        materialized='incremental',
        incremental_strategy='append',
        on_schema_change='append_new_columns',
        table_type='iceberg',
    )
}}
-- Every line of every agent-event object ever landed, read once (each run reads only the objects this table
-- does not hold yet). An event that passes the record rules is typed here, with its snapshot's Contacts[]
-- kept as an array for stg_connect__agent_event_contacts; a line or object that cannot be used keeps its
-- reason for stg_connect__quarantine. stg_connect__agent_events keeps one copy per EventId.
with landed as (
    {{ connect_lake.landed_records('agent_events', source('connect', 'agent_events')) }}
),

typed as (
    select
        _raw_source,
        _source_file,
        _datehour,
        _line_number,
        _object_size_bytes,
        _ingested_at,
        _row_kind,
        quarantine_reason,
        line_excerpt,

        record_key as event_id,
        payload.agentarn as agent_arn,
        {{ dbt.split_part('payload.agentarn', "'/'", 4) }} as agent_id,
        payload.eventtype as event_type,
        {{ connect_lake.try_parse_iso8601_ts('payload.eventtimestamp') }} as event_at,
        payload.instancearn as instance_arn,
        payload.awsaccountid as aws_account_id,
        payload.version as event_version,

        payload.currentagentsnapshot.agentstatus.arn as agent_status_arn,
        payload.currentagentsnapshot.agentstatus.name as agent_status_name,
        payload.currentagentsnapshot.agentstatus.type as agent_status_type,
        {{ connect_lake.try_parse_iso8601_ts('payload.currentagentsnapshot.agentstatus.starttimestamp') }}
            as agent_status_started_at,
        payload.currentagentsnapshot.nextagentstatus.name as next_agent_status_name,
        {{ connect_lake.try_parse_iso8601_ts('payload.currentagentsnapshot.nextagentstatus.enqueuedtimestamp') }}
            as next_agent_status_enqueued_at,

        payload.currentagentsnapshot.configuration.username as agent_username,
        payload.currentagentsnapshot.configuration.firstname as agent_first_name,
        payload.currentagentsnapshot.configuration.lastname as agent_last_name,
        payload.currentagentsnapshot.configuration.routingprofile.arn as routing_profile_arn,
        payload.currentagentsnapshot.configuration.routingprofile.name as routing_profile_name,
        payload.currentagentsnapshot.configuration.agenthierarchygroups.level1.name as agent_hierarchy_level1,
        payload.currentagentsnapshot.configuration.agenthierarchygroups.level2.name as agent_hierarchy_level2,
        payload.currentagentsnapshot.configuration.agenthierarchygroups.level3.name as agent_hierarchy_level3,
        payload.currentagentsnapshot.configuration.agenthierarchygroups.level4.name as agent_hierarchy_level4,
        payload.currentagentsnapshot.configuration.agenthierarchygroups.level5.name as agent_hierarchy_level5,
        payload.currentagentsnapshot.contacts as contacts
    from landed
)

select * from typed
