-- Every line of every contact-record object ever landed, read once: each run reads only the objects this
-- table does not hold yet, wherever they landed. A record that passes the record rules is typed here;
-- a line or object that cannot be used keeps its reason (stg_connect__quarantine lists them), so every
-- landed line is accounted for. stg_connect__contact_records keeps one copy per contact.
with landed as (
    -- the lines are numbered by a window frame without order by, which DuckDB streams and sqlfluff cannot
    -- parse: hence the noqa
    {{ connect_lake.landed_records('contact_records', source('connect', 'contact_records')) }}  -- noqa
),

typed as (
    select
        {{ connect_lake.landed_columns() }},

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
        {{ connect_lake.pii_hash('payload.customerendpoint.address') }} as customer_key,
        payload.systemendpoint.address as system_endpoint_address,
        payload.transferredtoendpoint.address as transferred_to_endpoint_address,

        -- numbers arrive as text and passed the record rules (whole, fitting, not negative) before this cast
        try_cast(payload.queue.duration as bigint) as queue_duration_s,
        try_cast(payload.agent.agentinteractionduration as bigint) as agent_interaction_duration_s,
        try_cast(payload.agent.customerholdduration as bigint) as customer_hold_duration_s,
        try_cast(payload.agent.numberofholds as bigint) as hold_count,
        try_cast(payload.agent.longestholdduration as bigint) as longest_hold_duration_s,
        try_cast(payload.agent.aftercontactworkduration as bigint) as after_contact_work_duration_s,
        try_cast(payload.agent.agentpauseduration as bigint) as agent_pause_duration_s,
        try_cast(payload.agentconnectionattempts as bigint) as agent_connection_attempt_count,
        try_cast(payload.externalthirdparty.externalthirdpartyinteractionduration as bigint)
            as external_third_party_duration_s,

        {{ connect_lake.try_parse_iso8601_ts('payload.initiationtimestamp') }} as initiated_at,
        {{ connect_lake.try_parse_iso8601_ts('payload.connectedtosystemtimestamp') }}
            as connected_to_system_at,
        {{ connect_lake.try_parse_iso8601_ts('payload.queue.enqueuetimestamp') }} as enqueued_at,
        {{ connect_lake.try_parse_iso8601_ts('payload.queue.dequeuetimestamp') }} as dequeued_at,
        {{ connect_lake.try_parse_iso8601_ts('payload.agent.connectedtoagenttimestamp') }}
            as connected_to_agent_at,
        {{ connect_lake.try_parse_iso8601_ts('payload.agent.aftercontactworkstarttimestamp') }}
            as after_contact_work_started_at,
        {{ connect_lake.try_parse_iso8601_ts('payload.agent.aftercontactworkendtimestamp') }}
            as after_contact_work_ended_at,
        {{ connect_lake.try_parse_iso8601_ts('payload.transfercompletedtimestamp') }}
            as transfer_completed_at,
        {{ connect_lake.try_parse_iso8601_ts('payload.disconnecttimestamp') }} as disconnected_at,
        {{ connect_lake.try_parse_iso8601_ts('payload.scheduledtimestamp') }} as scheduled_at,
        {{ connect_lake.try_parse_iso8601_ts('payload.lastupdatetimestamp') }} as last_updated_at,

        payload.recording.location as recording_location,
        payload.recording.status as recording_status,
        payload.recordings as recordings,
        {{ connect_lake.json_to_text('payload.attributes') }} as attributes_json,
        {{ connect_lake.json_to_text('payload.chatmetrics') }} as chat_metrics_json,

        -- call quality, voice only: a side Connect did not score keeps null flags (unknown, not "no issue")
        try_cast(payload.qualitymetrics.agent.audio.qualityscore as double) as agent_audio_quality_score,
        {{ connect_lake.array_contains(
            'payload.qualitymetrics.agent.audio.potentialqualityissues', "'HighPacketLoss'"
        ) }} as has_agent_audio_high_packet_loss,
        {{ connect_lake.array_contains(
            'payload.qualitymetrics.agent.audio.potentialqualityissues', "'HighRoundTripTime'"
        ) }} as has_agent_audio_high_round_trip_time,
        {{ connect_lake.array_contains(
            'payload.qualitymetrics.agent.audio.potentialqualityissues', "'HighJitterBuffer'"
        ) }} as has_agent_audio_high_jitter_buffer,
        try_cast(payload.qualitymetrics.customer.audio.qualityscore as double)
            as customer_audio_quality_score,
        {{ connect_lake.array_contains(
            'payload.qualitymetrics.customer.audio.potentialqualityissues', "'HighPacketLoss'"
        ) }} as has_customer_audio_high_packet_loss,
        {{ connect_lake.array_contains(
            'payload.qualitymetrics.customer.audio.potentialqualityissues', "'HighRoundTripTime'"
        ) }} as has_customer_audio_high_round_trip_time,
        {{ connect_lake.array_contains(
            'payload.qualitymetrics.customer.audio.potentialqualityissues', "'HighJitterBuffer'"
        ) }} as has_customer_audio_high_jitter_buffer
    from landed
)

select * from typed
