
  
    

    create table "iceberg"."connect_lake_staging"."base_connect__contact_records__dbt_tmp"
      comment 'Every line of every contact-record object ever landed, read once: each run reads only the objects this table does not hold yet, wherever they landed, so the table is also the ledger of what was read. A line that passes the record rules (_connect__sources.yml) is a typed record (renamed to snake_case, timestamps parsed to UTC, the customer''s address replaced by customer_key); a blank line, a line that is not a usable record and an object that cannot be read keep their reason. Incremental (append).
'
      
    as (
      -- Every line of every contact-record object ever landed, read once: each run reads only the objects this
-- table does not hold yet, wherever they landed. A record that passes the record rules is typed here;
-- a line or object that cannot be used keeps its reason (stg_connect__quarantine lists them), so every
-- landed line is accounted for. stg_connect__contact_records keeps one copy per contact.
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
        from "hive"."connect_raw"."contact_records" as lines
        where
            lines._datehour >= '0000/00/00/00'
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
            where source = 'contact_records' and problem is not null
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
                    then try(cast(json_parse(line) as row("awsaccountid" varchar, "awscontacttracerecordformatversion" varchar, "agent" row("arn" varchar, "aftercontactworkduration" varchar, "aftercontactworkendtimestamp" varchar, "aftercontactworkstarttimestamp" varchar, "agentinitiatedholdduration" varchar, "agentinteractionduration" varchar, "agentpauseduration" varchar, "connectedtoagenttimestamp" varchar, "customerholdduration" varchar, "hierarchygroups" row("level1" row("arn" varchar, "groupname" varchar), "level2" row("arn" varchar, "groupname" varchar), "level3" row("arn" varchar, "groupname" varchar), "level4" row("arn" varchar, "groupname" varchar), "level5" row("arn" varchar, "groupname" varchar)), "longestholdduration" varchar, "numberofholds" varchar, "routingprofile" row("arn" varchar, "name" varchar), "username" varchar, "deviceinfo" row("platformname" varchar, "platformversion" varchar, "operatingsystem" varchar)), "agentconnectionattempts" varchar, "answeringmachinedetectionstatus" varchar, "attributes" json, "campaign" row("campaignid" varchar), "channel" varchar, "chatmetrics" json, "connectedtosystemtimestamp" varchar, "contactdetails" json, "contactid" varchar, "contactlens" json, "customerendpoint" row("address" varchar, "type" varchar), "customerid" varchar, "disconnectreason" varchar, "disconnecttimestamp" varchar, "externalthirdparty" row("externalthirdpartyinteractionduration" varchar), "initialcontactid" varchar, "initiationmethod" varchar, "initiationtimestamp" varchar, "instancearn" varchar, "lastpausedtimestamp" varchar, "lastresumedtimestamp" varchar, "lastupdatetimestamp" varchar, "mediastreams" array(row("type" varchar)), "nextcontactid" varchar, "previouscontactid" varchar, "qualitymetrics" json, "queue" row("arn" varchar, "dequeuetimestamp" varchar, "duration" varchar, "enqueuetimestamp" varchar, "name" varchar), "recording" row("deletionreason" varchar, "location" varchar, "status" varchar, "type" varchar), "recordings" array(row("deletionreason" varchar, "fragmentstartnumber" varchar, "fragmentstopnumber" varchar, "location" varchar, "mediastreamtype" varchar, "participanttype" varchar, "starttimestamp" varchar, "stoptimestamp" varchar, "status" varchar, "storagetype" varchar)), "references" json, "relatedcontactid" varchar, "scheduledtimestamp" varchar, "segmentattributes" json, "systemendpoint" row("address" varchar, "type" varchar), "tags" json, "totalpausecount" varchar, "totalpausedurationinseconds" varchar, "transfercompletedtimestamp" varchar, "transferredtoendpoint" row("address" varchar, "type" varchar), "voiceidresult" json)))
            end as payload
        from landed_units
    ),

    keyed as (
        select
            parsed.*,
            nullif(trim(payload.contactid), '') as record_key
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
        when record_key is null then 'missing_field:ContactId'
        when nullif(trim(payload.channel), '') is null then 'missing_field:Channel'
        when nullif(trim(payload.initiationmethod), '') is null then 'missing_field:InitiationMethod'
        when nullif(trim(payload.initiationtimestamp), '') is null then 'missing_field:InitiationTimestamp'
        when nullif(trim(payload.lastupdatetimestamp), '') is null then 'missing_field:LastUpdateTimestamp'
        when payload.initiationtimestamp is not null
            and not (regexp_like(payload.initiationtimestamp, '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}([.][0-9]{1,9})?(Z|[+-][0-9]{2}:?[0-9]{2})$')
        and cast(try(from_iso8601_timestamp(payload.initiationtimestamp)) at time zone 'UTC' as timestamp(6)) is not null)
            then 'invalid_timestamp:InitiationTimestamp'
        when payload.lastupdatetimestamp is not null
            and not (regexp_like(payload.lastupdatetimestamp, '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}([.][0-9]{1,9})?(Z|[+-][0-9]{2}:?[0-9]{2})$')
        and cast(try(from_iso8601_timestamp(payload.lastupdatetimestamp)) at time zone 'UTC' as timestamp(6)) is not null)
            then 'invalid_timestamp:LastUpdateTimestamp'
        when payload.connectedtosystemtimestamp is not null
            and not (regexp_like(payload.connectedtosystemtimestamp, '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}([.][0-9]{1,9})?(Z|[+-][0-9]{2}:?[0-9]{2})$')
        and cast(try(from_iso8601_timestamp(payload.connectedtosystemtimestamp)) at time zone 'UTC' as timestamp(6)) is not null)
            then 'invalid_timestamp:ConnectedToSystemTimestamp'
        when payload.disconnecttimestamp is not null
            and not (regexp_like(payload.disconnecttimestamp, '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}([.][0-9]{1,9})?(Z|[+-][0-9]{2}:?[0-9]{2})$')
        and cast(try(from_iso8601_timestamp(payload.disconnecttimestamp)) at time zone 'UTC' as timestamp(6)) is not null)
            then 'invalid_timestamp:DisconnectTimestamp'
        when payload.transfercompletedtimestamp is not null
            and not (regexp_like(payload.transfercompletedtimestamp, '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}([.][0-9]{1,9})?(Z|[+-][0-9]{2}:?[0-9]{2})$')
        and cast(try(from_iso8601_timestamp(payload.transfercompletedtimestamp)) at time zone 'UTC' as timestamp(6)) is not null)
            then 'invalid_timestamp:TransferCompletedTimestamp'
        when payload.scheduledtimestamp is not null
            and not (regexp_like(payload.scheduledtimestamp, '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}([.][0-9]{1,9})?(Z|[+-][0-9]{2}:?[0-9]{2})$')
        and cast(try(from_iso8601_timestamp(payload.scheduledtimestamp)) at time zone 'UTC' as timestamp(6)) is not null)
            then 'invalid_timestamp:ScheduledTimestamp'
        when payload.lastpausedtimestamp is not null
            and not (regexp_like(payload.lastpausedtimestamp, '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}([.][0-9]{1,9})?(Z|[+-][0-9]{2}:?[0-9]{2})$')
        and cast(try(from_iso8601_timestamp(payload.lastpausedtimestamp)) at time zone 'UTC' as timestamp(6)) is not null)
            then 'invalid_timestamp:LastPausedTimestamp'
        when payload.lastresumedtimestamp is not null
            and not (regexp_like(payload.lastresumedtimestamp, '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}([.][0-9]{1,9})?(Z|[+-][0-9]{2}:?[0-9]{2})$')
        and cast(try(from_iso8601_timestamp(payload.lastresumedtimestamp)) at time zone 'UTC' as timestamp(6)) is not null)
            then 'invalid_timestamp:LastResumedTimestamp'
        when payload.queue.enqueuetimestamp is not null
            and not (regexp_like(payload.queue.enqueuetimestamp, '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}([.][0-9]{1,9})?(Z|[+-][0-9]{2}:?[0-9]{2})$')
        and cast(try(from_iso8601_timestamp(payload.queue.enqueuetimestamp)) at time zone 'UTC' as timestamp(6)) is not null)
            then 'invalid_timestamp:Queue.EnqueueTimestamp'
        when payload.queue.dequeuetimestamp is not null
            and not (regexp_like(payload.queue.dequeuetimestamp, '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}([.][0-9]{1,9})?(Z|[+-][0-9]{2}:?[0-9]{2})$')
        and cast(try(from_iso8601_timestamp(payload.queue.dequeuetimestamp)) at time zone 'UTC' as timestamp(6)) is not null)
            then 'invalid_timestamp:Queue.DequeueTimestamp'
        when payload.agent.connectedtoagenttimestamp is not null
            and not (regexp_like(payload.agent.connectedtoagenttimestamp, '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}([.][0-9]{1,9})?(Z|[+-][0-9]{2}:?[0-9]{2})$')
        and cast(try(from_iso8601_timestamp(payload.agent.connectedtoagenttimestamp)) at time zone 'UTC' as timestamp(6)) is not null)
            then 'invalid_timestamp:Agent.ConnectedToAgentTimestamp'
        when payload.agent.aftercontactworkstarttimestamp is not null
            and not (regexp_like(payload.agent.aftercontactworkstarttimestamp, '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}([.][0-9]{1,9})?(Z|[+-][0-9]{2}:?[0-9]{2})$')
        and cast(try(from_iso8601_timestamp(payload.agent.aftercontactworkstarttimestamp)) at time zone 'UTC' as timestamp(6)) is not null)
            then 'invalid_timestamp:Agent.AfterContactWorkStartTimestamp'
        when payload.agent.aftercontactworkendtimestamp is not null
            and not (regexp_like(payload.agent.aftercontactworkendtimestamp, '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}([.][0-9]{1,9})?(Z|[+-][0-9]{2}:?[0-9]{2})$')
        and cast(try(from_iso8601_timestamp(payload.agent.aftercontactworkendtimestamp)) at time zone 'UTC' as timestamp(6)) is not null)
            then 'invalid_timestamp:Agent.AfterContactWorkEndTimestamp'
        when payload.agentconnectionattempts is not null
            and not (regexp_like(payload.agentconnectionattempts, '^-?[0-9]+$') and try_cast(payload.agentconnectionattempts as integer) is not null)
            then 'invalid_number:AgentConnectionAttempts'
        when payload.queue.duration is not null
            and not (regexp_like(payload.queue.duration, '^-?[0-9]+$') and try_cast(payload.queue.duration as integer) is not null)
            then 'invalid_number:Queue.Duration'
        when payload.agent.agentinteractionduration is not null
            and not (regexp_like(payload.agent.agentinteractionduration, '^-?[0-9]+$') and try_cast(payload.agent.agentinteractionduration as integer) is not null)
            then 'invalid_number:Agent.AgentInteractionDuration'
        when payload.agent.customerholdduration is not null
            and not (regexp_like(payload.agent.customerholdduration, '^-?[0-9]+$') and try_cast(payload.agent.customerholdduration as integer) is not null)
            then 'invalid_number:Agent.CustomerHoldDuration'
        when payload.agent.agentinitiatedholdduration is not null
            and not (regexp_like(payload.agent.agentinitiatedholdduration, '^-?[0-9]+$') and try_cast(payload.agent.agentinitiatedholdduration as integer) is not null)
            then 'invalid_number:Agent.AgentInitiatedHoldDuration'
        when payload.agent.aftercontactworkduration is not null
            and not (regexp_like(payload.agent.aftercontactworkduration, '^-?[0-9]+$') and try_cast(payload.agent.aftercontactworkduration as integer) is not null)
            then 'invalid_number:Agent.AfterContactWorkDuration'
        when payload.agent.agentpauseduration is not null
            and not (regexp_like(payload.agent.agentpauseduration, '^-?[0-9]+$') and try_cast(payload.agent.agentpauseduration as integer) is not null)
            then 'invalid_number:Agent.AgentPauseDuration'
        when payload.agent.numberofholds is not null
            and not (regexp_like(payload.agent.numberofholds, '^-?[0-9]+$') and try_cast(payload.agent.numberofholds as integer) is not null)
            then 'invalid_number:Agent.NumberOfHolds'
        when payload.agent.longestholdduration is not null
            and not (regexp_like(payload.agent.longestholdduration, '^-?[0-9]+$') and try_cast(payload.agent.longestholdduration as integer) is not null)
            then 'invalid_number:Agent.LongestHoldDuration'
        when payload.externalthirdparty.externalthirdpartyinteractionduration is not null
            and not (regexp_like(payload.externalthirdparty.externalthirdpartyinteractionduration, '^-?[0-9]+$') and try_cast(payload.externalthirdparty.externalthirdpartyinteractionduration as integer) is not null)
            then 'invalid_number:ExternalThirdParty.ExternalThirdPartyInteractionDuration'
        when payload.totalpausecount is not null
            and not (regexp_like(payload.totalpausecount, '^-?[0-9]+$') and try_cast(payload.totalpausecount as integer) is not null)
            then 'invalid_number:TotalPauseCount'
        when payload.totalpausedurationinseconds is not null
            and not (regexp_like(payload.totalpausedurationinseconds, '^-?[0-9]+$') and try_cast(payload.totalpausedurationinseconds as integer) is not null)
            then 'invalid_number:TotalPauseDurationInSeconds'
        when try_cast(payload.agentconnectionattempts as bigint) < 0 then 'negative_duration:AgentConnectionAttempts'
        when try_cast(payload.queue.duration as bigint) < 0 then 'negative_duration:Queue.Duration'
        when try_cast(payload.agent.agentinteractionduration as bigint) < 0 then 'negative_duration:Agent.AgentInteractionDuration'
        when try_cast(payload.agent.customerholdduration as bigint) < 0 then 'negative_duration:Agent.CustomerHoldDuration'
        when try_cast(payload.agent.agentinitiatedholdduration as bigint) < 0 then 'negative_duration:Agent.AgentInitiatedHoldDuration'
        when try_cast(payload.agent.aftercontactworkduration as bigint) < 0 then 'negative_duration:Agent.AfterContactWorkDuration'
        when try_cast(payload.agent.agentpauseduration as bigint) < 0 then 'negative_duration:Agent.AgentPauseDuration'
        when try_cast(payload.agent.numberofholds as bigint) < 0 then 'negative_duration:Agent.NumberOfHolds'
        when try_cast(payload.agent.longestholdduration as bigint) < 0 then 'negative_duration:Agent.LongestHoldDuration'
        when try_cast(payload.externalthirdparty.externalthirdpartyinteractionduration as bigint) < 0 then 'negative_duration:ExternalThirdParty.ExternalThirdPartyInteractionDuration'
        when try_cast(payload.totalpausecount as bigint) < 0 then 'negative_duration:TotalPauseCount'
        when try_cast(payload.totalpausedurationinseconds as bigint) < 0 then 'negative_duration:TotalPauseDurationInSeconds'
        when cast(try(from_iso8601_timestamp(payload.disconnecttimestamp)) at time zone 'UTC' as timestamp(6))
            < cast(try(from_iso8601_timestamp(payload.initiationtimestamp)) at time zone 'UTC' as timestamp(6))
            then 'negative_duration:DisconnectTimestamp'
        when cast(try(from_iso8601_timestamp(payload.queue.dequeuetimestamp)) at time zone 'UTC' as timestamp(6))
            < cast(try(from_iso8601_timestamp(payload.queue.enqueuetimestamp)) at time zone 'UTC' as timestamp(6))
            then 'negative_duration:Queue.DequeueTimestamp'
        when cast(try(from_iso8601_timestamp(payload.agent.aftercontactworkendtimestamp)) at time zone 'UTC' as timestamp(6))
            < cast(try(from_iso8601_timestamp(payload.agent.aftercontactworkstarttimestamp)) at time zone 'UTC' as timestamp(6))
            then 'negative_duration:Agent.AfterContactWorkEndTimestamp'
    end
            end as quarantine_reason
        from keyed
    )

    select
        'contact_records' as _raw_source,
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

        record_key as contact_id,
        payload.initialcontactid as initial_contact_id,
        payload.previouscontactid as previous_contact_id,
        payload.nextcontactid as next_contact_id,
        payload.relatedcontactid as related_contact_id,
        payload.instancearn as instance_arn,
        payload.awsaccountid as aws_account_id,
        payload.channel as channel,
        payload.initiationmethod as initiation_method,
        payload.disconnectreason as disconnect_reason,

        payload.queue.arn as queue_arn,
        payload.queue.name as queue_name,
        payload.agent.arn as agent_arn,
        payload.agent.username as agent_username,
        payload.agent.routingprofile.arn as routing_profile_arn,
        payload.agent.routingprofile.name as routing_profile_name,
        payload.agent.hierarchygroups.level1.groupname as agent_hierarchy_level1,
        payload.agent.hierarchygroups.level2.groupname as agent_hierarchy_level2,
        payload.agent.hierarchygroups.level3.groupname as agent_hierarchy_level3,

        payload.customerendpoint.type as customer_endpoint_type,
        lower(to_hex(sha256(to_utf8('connect-lake-demo-salt' || lower(trim(payload.customerendpoint.address)))))) as customer_key,
        payload.systemendpoint.address as system_endpoint_address,
        payload.transferredtoendpoint.address as transferred_to_endpoint_address,

        -- numbers arrive as text and passed the record rules (whole, fitting, not negative) before this cast
        try_cast(payload.queue.duration as bigint) as queue_duration_s,
        try_cast(payload.agent.agentinteractionduration as bigint) as agent_interaction_duration_s,
        try_cast(payload.agent.customerholdduration as bigint) as customer_hold_duration_s,
        try_cast(payload.agent.numberofholds as bigint) as number_of_holds,
        try_cast(payload.agent.longestholdduration as bigint) as longest_hold_duration_s,
        try_cast(payload.agent.aftercontactworkduration as bigint) as after_contact_work_duration_s,
        try_cast(payload.agent.agentpauseduration as bigint) as agent_pause_duration_s,
        try_cast(payload.agentconnectionattempts as bigint) as agent_connection_attempts,
        try_cast(payload.externalthirdparty.externalthirdpartyinteractionduration as bigint)
            as external_third_party_duration_s,

        cast(try(from_iso8601_timestamp(payload.initiationtimestamp)) at time zone 'UTC' as timestamp(6)) as initiated_at,
        cast(try(from_iso8601_timestamp(payload.connectedtosystemtimestamp)) at time zone 'UTC' as timestamp(6))
            as connected_to_system_at,
        cast(try(from_iso8601_timestamp(payload.queue.enqueuetimestamp)) at time zone 'UTC' as timestamp(6)) as enqueued_at,
        cast(try(from_iso8601_timestamp(payload.queue.dequeuetimestamp)) at time zone 'UTC' as timestamp(6)) as dequeued_at,
        cast(try(from_iso8601_timestamp(payload.agent.connectedtoagenttimestamp)) at time zone 'UTC' as timestamp(6))
            as connected_to_agent_at,
        cast(try(from_iso8601_timestamp(payload.agent.aftercontactworkstarttimestamp)) at time zone 'UTC' as timestamp(6))
            as after_contact_work_started_at,
        cast(try(from_iso8601_timestamp(payload.agent.aftercontactworkendtimestamp)) at time zone 'UTC' as timestamp(6))
            as after_contact_work_ended_at,
        cast(try(from_iso8601_timestamp(payload.transfercompletedtimestamp)) at time zone 'UTC' as timestamp(6))
            as transfer_completed_at,
        cast(try(from_iso8601_timestamp(payload.disconnecttimestamp)) at time zone 'UTC' as timestamp(6)) as disconnected_at,
        cast(try(from_iso8601_timestamp(payload.scheduledtimestamp)) at time zone 'UTC' as timestamp(6)) as scheduled_at,
        cast(try(from_iso8601_timestamp(payload.lastupdatetimestamp)) at time zone 'UTC' as timestamp(6)) as last_updated_at,

        payload.recording.location as recording_location,
        payload.recording.status as recording_status,
        payload.recordings as recordings,
        json_format(payload.attributes) as attributes_json,
        json_format(payload.chatmetrics) as chat_metrics_json
    from landed
)

select * from typed
    );

  