-- Every line of every agent-event object ever landed, read once (each run reads only the objects this table
-- does not hold yet). An event that passes the record rules is typed here, with its snapshot's Contacts[]
-- kept as an array for stg_connect__agent_event_contacts; a line or object that cannot be used keeps its
-- reason for stg_connect__quarantine. stg_connect__agent_events keeps one copy per EventId.
with landed as (
    -- the lines are numbered by a window frame without order by, which DuckDB streams and sqlfluff cannot
    -- parse: hence the noqa
    
    with landed_lines as (
        
        select
            lines._source_file,
            lines._datehour,
            cast(null as bigint) as _line_number,
            lines._object_size_bytes,
            lines.line,
            from_utf8(to_utf8(lines.line)) = lines.line as is_valid_utf8,
            cast(null as varchar) as object_problem
        from "hive"."connect_raw"."agent_events" as lines
        where
            lines._datehour >= '0000/00/00/00'
            and lines._source_file not in (
                'local:///work/main/data/raw/agent_events/2026/11/02/07/acme-care-agent-events-1-2026-11-02-07-03-33-2a09e74f-b79a-46e7-a8a0-bd8e61987ddf-copy.gz',
                'local:///work/main/data/raw/agent_events/2026/11/02/16/acme-care-agent-events-1-2026-11-02-16-33-35-a541027f-5b7c-4e7d-b557-8ff792da660a-copy.gz'
            )
        union all
        -- objects the engine's reader cannot take (empty, not gzip, cut short) or out of place: one row each
        select
            checked._source_file,
            checked.landing_folder,
            cast(null as bigint),
            checked.size_bytes,
            cast(null as varchar),
            true,
            checked.problem
        from (
            select concat('local:///work/main/data/raw/', object_key) as _source_file, landing_folder, size_bytes, problem
            from "hive"."connect_raw"."landing_object_checks"
            where source = 'agent_events' and problem is not null
        ) as checked

    ),

    landed_units as (
        select * from landed_lines
    ),

    parsed as (
        select
            landed_units.*,
            case
                when object_problem is null and is_valid_utf8 and substr(trim(line), 1, 1) = '{'
                    then try(cast(json_parse(line) as row("awsaccountid" varchar, "agentarn" varchar, "eventid" varchar, "eventtimestamp" varchar, "eventtype" varchar, "instancearn" varchar, "version" varchar, "currentagentsnapshot" row("agentstatus" row("arn" varchar, "name" varchar, "starttimestamp" varchar, "type" varchar), "nextagentstatus" row("arn" varchar, "name" varchar, "enqueuedtimestamp" varchar), "configuration" row("agenthierarchygroups" row("level1" row("arn" varchar, "name" varchar), "level2" row("arn" varchar, "name" varchar), "level3" row("arn" varchar, "name" varchar), "level4" row("arn" varchar, "name" varchar), "level5" row("arn" varchar, "name" varchar)), "firstname" varchar, "lastname" varchar, "proficiencies" array(row("name" varchar, "value" varchar, "proficiencylevel" double)), "routingprofile" row("arn" varchar, "name" varchar, "concurrency" array(row("availableslots" integer, "channel" varchar, "maximumslots" integer)), "defaultoutboundqueue" row("arn" varchar, "name" varchar, "channels" array(varchar)), "inboundqueues" array(row("arn" varchar, "name" varchar, "channels" array(varchar)))), "username" varchar), "contacts" array(row("contactid" varchar, "initialcontactid" varchar, "channel" varchar, "initiationmethod" varchar, "state" varchar, "statestarttimestamp" varchar, "connectedtoagenttimestamp" varchar, "queuetimestamp" varchar, "queue" row("arn" varchar, "name" varchar)))), "previousagentsnapshot" json)))
            end as payload
        from landed_units
    ),

    keyed as (
        select
            parsed.*,
            nullif(trim(payload.eventid), '') as record_key
        from parsed
    ),

    checked as (
        select
            keyed.*,
            case
                when object_problem is not null then object_problem
                when trim(coalesce(line, '')) = '' then null
                when not is_valid_utf8 then 'invalid_utf8'
                when payload is null then 'invalid_json'
                else case
        when record_key is null then 'missing_field:EventId'
        when nullif(trim(payload.agentarn), '') is null then 'missing_field:AgentARN'
        when nullif(trim(payload.eventtype), '') is null then 'missing_field:EventType'
        when nullif(trim(payload.eventtimestamp), '') is null then 'missing_field:EventTimestamp'
        when nullif(trim(payload.currentagentsnapshot.agentstatus.starttimestamp), '') is null then 'missing_field:CurrentAgentSnapshot.AgentStatus.StartTimestamp'
        when payload.eventtimestamp is not null
            and not (regexp_like(payload.eventtimestamp, '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}([.][0-9]{1,9})?(Z|[+-][0-9]{2}:?[0-9]{2})$')
        and cast(try(from_iso8601_timestamp(payload.eventtimestamp)) at time zone 'UTC' as timestamp(6)) is not null)
            then 'invalid_timestamp:EventTimestamp'
        when payload.currentagentsnapshot.agentstatus.starttimestamp is not null
            and not (regexp_like(payload.currentagentsnapshot.agentstatus.starttimestamp, '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}([.][0-9]{1,9})?(Z|[+-][0-9]{2}:?[0-9]{2})$')
        and cast(try(from_iso8601_timestamp(payload.currentagentsnapshot.agentstatus.starttimestamp)) at time zone 'UTC' as timestamp(6)) is not null)
            then 'invalid_timestamp:CurrentAgentSnapshot.AgentStatus.StartTimestamp'
        when payload.currentagentsnapshot.nextagentstatus.enqueuedtimestamp is not null
            and not (regexp_like(payload.currentagentsnapshot.nextagentstatus.enqueuedtimestamp, '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}([.][0-9]{1,9})?(Z|[+-][0-9]{2}:?[0-9]{2})$')
        and cast(try(from_iso8601_timestamp(payload.currentagentsnapshot.nextagentstatus.enqueuedtimestamp)) at time zone 'UTC' as timestamp(6)) is not null)
            then 'invalid_timestamp:CurrentAgentSnapshot.NextAgentStatus.EnqueuedTimestamp'
        when not coalesce(all_match(payload.currentagentsnapshot.contacts, element -> element.statestarttimestamp is null or (regexp_like(element.statestarttimestamp, '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}([.][0-9]{1,9})?(Z|[+-][0-9]{2}:?[0-9]{2})$')
        and cast(try(from_iso8601_timestamp(element.statestarttimestamp)) at time zone 'UTC' as timestamp(6)) is not null)), true) then 'invalid_timestamp:CurrentAgentSnapshot.Contacts[].StateStartTimestamp'
        when not coalesce(all_match(payload.currentagentsnapshot.contacts, element -> element.connectedtoagenttimestamp is null or (regexp_like(element.connectedtoagenttimestamp, '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}([.][0-9]{1,9})?(Z|[+-][0-9]{2}:?[0-9]{2})$')
        and cast(try(from_iso8601_timestamp(element.connectedtoagenttimestamp)) at time zone 'UTC' as timestamp(6)) is not null)), true) then 'invalid_timestamp:CurrentAgentSnapshot.Contacts[].ConnectedToAgentTimestamp'
        when not coalesce(all_match(payload.currentagentsnapshot.contacts, element -> element.queuetimestamp is null or (regexp_like(element.queuetimestamp, '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}([.][0-9]{1,9})?(Z|[+-][0-9]{2}:?[0-9]{2})$')
        and cast(try(from_iso8601_timestamp(element.queuetimestamp)) at time zone 'UTC' as timestamp(6)) is not null)), true) then 'invalid_timestamp:CurrentAgentSnapshot.Contacts[].QueueTimestamp'
    end
            end as quarantine_reason
        from keyed
    )

    select
        'agent_events' as _raw_source,
        _source_file,
        _datehour,
        _line_number,
        _object_size_bytes,
        cast('2026-12-02 03:54:05.883060' as timestamp(6)) as _ingested_at,
        case
            when object_problem is not null then 'quarantined_object'
            when quarantine_reason is null and trim(coalesce(line, '')) = '' then 'blank_line'
            when quarantine_reason is not null then 'quarantined_line'
            else 'record'
        end as _row_kind,
        quarantine_reason,
        case when quarantine_reason is not null and object_problem is null then substr(line, 1, 500) end
            as line_excerpt,
        record_key,
        case when quarantine_reason is null then payload end as payload
    from checked  -- noqa
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
        
  
    

    split_part(
        payload.agentarn,
        '/',
        4
        )


  
 as agent_id,
        payload.eventtype as event_type,
        cast(try(from_iso8601_timestamp(payload.eventtimestamp)) at time zone 'UTC' as timestamp(6)) as event_at,
        payload.instancearn as instance_arn,
        payload.awsaccountid as aws_account_id,
        payload.version as event_version,

        agent_after.agentstatus.arn as agent_status_arn,
        agent_after.agentstatus.name as agent_status_name,
        agent_after.agentstatus.type as agent_status_type,
        cast(try(from_iso8601_timestamp(agent_after.agentstatus.starttimestamp)) at time zone 'UTC' as timestamp(6))
            as agent_status_started_at,
        agent_after.nextagentstatus.name as next_agent_status_name,
        cast(try(from_iso8601_timestamp(agent_after.nextagentstatus.enqueuedtimestamp)) at time zone 'UTC' as timestamp(6))
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