-- Every landed copy of every contact record, typed and renamed; stg_connect__contact_records keeps one.
with source as (
    select * from {{ source('connect', 'contact_records') }}
),

renamed as (
    select
        contactid as contact_id,
        initialcontactid as initial_contact_id,
        previouscontactid as previous_contact_id,
        nextcontactid as next_contact_id,
        relatedcontactid as related_contact_id,
        instancearn as instance_arn,
        awsaccountid as aws_account_id,
        channel,
        initiationmethod as initiation_method,
        disconnectreason as disconnect_reason,

        queue.arn as queue_arn,
        queue.name as queue_name,
        agent.arn as agent_arn,
        agent.username as agent_username,
        agent.routingprofile.arn as routing_profile_arn,
        agent.routingprofile.name as routing_profile_name,
        agent.hierarchygroups.level1.groupname as agent_hierarchy_level1,
        agent.hierarchygroups.level2.groupname as agent_hierarchy_level2,
        agent.hierarchygroups.level3.groupname as agent_hierarchy_level3,

        customerendpoint.type as customer_endpoint_type,
        {{ connect_lake.pii_hash('customerendpoint.address') }} as customer_key,
        systemendpoint.address as system_endpoint_address,
        transferredtoendpoint.address as transferred_to_endpoint_address,

        cast(queue.duration as bigint) as queue_duration_s,
        cast(agent.agentinteractionduration as bigint) as agent_interaction_duration_s,
        cast(agent.customerholdduration as bigint) as customer_hold_duration_s,
        cast(agent.numberofholds as bigint) as number_of_holds,
        cast(agent.longestholdduration as bigint) as longest_hold_duration_s,
        cast(agent.aftercontactworkduration as bigint) as after_contact_work_duration_s,
        cast(agent.agentpauseduration as bigint) as agent_pause_duration_s,
        cast(agentconnectionattempts as bigint) as agent_connection_attempts,
        cast(externalthirdparty.externalthirdpartyinteractionduration as bigint)
            as external_third_party_duration_s,

        {{ connect_lake.parse_iso8601_ts('initiationtimestamp') }} as initiated_at,
        {{ connect_lake.parse_iso8601_ts('connectedtosystemtimestamp') }} as connected_to_system_at,
        {{ connect_lake.parse_iso8601_ts('queue.enqueuetimestamp') }} as enqueued_at,
        {{ connect_lake.parse_iso8601_ts('queue.dequeuetimestamp') }} as dequeued_at,
        {{ connect_lake.parse_iso8601_ts('agent.connectedtoagenttimestamp') }} as connected_to_agent_at,
        {{ connect_lake.parse_iso8601_ts('agent.aftercontactworkstarttimestamp') }}
            as after_contact_work_started_at,
        {{ connect_lake.parse_iso8601_ts('agent.aftercontactworkendtimestamp') }}
            as after_contact_work_ended_at,
        {{ connect_lake.parse_iso8601_ts('transfercompletedtimestamp') }} as transfer_completed_at,
        {{ connect_lake.parse_iso8601_ts('disconnecttimestamp') }} as disconnected_at,
        {{ connect_lake.parse_iso8601_ts('scheduledtimestamp') }} as scheduled_at,
        {{ connect_lake.parse_iso8601_ts('lastupdatetimestamp') }} as last_updated_at,

        recording.location as recording_location,
        recording.status as recording_status,
        recordings,
        attributes as attributes_json,
        chatmetrics as chat_metrics_json,
        _source_file,
        _datehour
    from source
    -- a line that is not a contact record reads as a row of nulls; stg_connect__rejected_lines lists it
    where contactid is not null
)

select * from renamed
