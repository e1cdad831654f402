
    -- Build actual result given inputs
with dbt_internal_unit_test_actual as (
  select
    "contact_id","attributes_json","_source_file","deliveries", 'actual' as "actual_or_expected"
  from (
    
-- One row per contact leg: the newest delivered copy of each contact record. Connect delivers records at
-- least once and re-delivers them when they change, so the latest LastUpdateTimestamp wins; equal copies
-- are broken by the object they landed in, newest first, so the result does not depend on read order.
with  __dbt__cte__stg_connect__contact_records as (
select 'a' as contact_id, null as initial_contact_id, null as previous_contact_id, null as next_contact_id, null as related_contact_id, null as instance_arn, null as aws_account_id, null as channel, null as initiation_method, null as disconnect_reason, null as queue_arn, null as queue_name, null as agent_arn, null as agent_username, null as routing_profile_arn, null as routing_profile_name, null as agent_hierarchy_level1, null as agent_hierarchy_level2, null as agent_hierarchy_level3, null as customer_endpoint_type, null as customer_key, null as system_endpoint_address, null as transferred_to_endpoint_address, null as queue_duration_s, null as agent_interaction_duration_s, null as customer_hold_duration_s, null as number_of_holds, null as longest_hold_duration_s, null as after_contact_work_duration_s, null as agent_pause_duration_s, null as agent_connection_attempts, null as external_third_party_duration_s, null as initiated_at, null as connected_to_system_at, null as enqueued_at, null as dequeued_at, null as connected_to_agent_at, null as after_contact_work_started_at, null as after_contact_work_ended_at, null as transfer_completed_at, null as disconnected_at, null as scheduled_at, timestamp '2026-11-06 09:00:00' as last_updated_at, null as recording_location, null as recording_status, null as recordings, '{"v":"2"}' as attributes_json, null as chat_metrics_json, 'f0' as _source_file, null as _datehour, 1 as _line_number, 2 as deliveries, timestamp '2026-12-01 00:00:00' as _ingested_at
),  __dbt__cte__base_connect__contact_records as (

-- Fixture for base_connect__contact_records
select try_cast(null as varchar) as "_raw_source", try_cast('f9' as varchar) as "_source_file", try_cast(null as varchar) as "_datehour", try_cast(1 as bigint) as "_line_number", try_cast(null as bigint) as "_object_size_bytes", try_cast('2026-12-02 00:00:00' as timestamp(6)) as "_ingested_at", try_cast('record' as varchar) as "_row_kind", try_cast(null as varchar) as "quarantine_reason", try_cast(null as varchar) as "line_excerpt", try_cast('a' as varchar) as "contact_id", try_cast(null as varchar) as "initial_contact_id", try_cast(null as varchar) as "previous_contact_id", try_cast(null as varchar) as "next_contact_id", try_cast(null as varchar) as "related_contact_id", try_cast(null as varchar) as "instance_arn", try_cast(null as varchar) as "aws_account_id", try_cast(null as varchar) as "channel", try_cast(null as varchar) as "initiation_method", try_cast(null as varchar) as "disconnect_reason", try_cast(null as varchar) as "queue_arn", try_cast(null as varchar) as "queue_name", try_cast(null as varchar) as "agent_arn", try_cast(null as varchar) as "agent_username", try_cast(null as varchar) as "routing_profile_arn", try_cast(null as varchar) as "routing_profile_name", try_cast(null as varchar) as "agent_hierarchy_level1", try_cast(null as varchar) as "agent_hierarchy_level2", try_cast(null as varchar) as "agent_hierarchy_level3", try_cast(null as varchar) as "customer_endpoint_type", try_cast(null as varchar) as "customer_key", try_cast(null as varchar) as "system_endpoint_address", try_cast(null as varchar) as "transferred_to_endpoint_address", try_cast(null as bigint) as "queue_duration_s", try_cast(null as bigint) as "agent_interaction_duration_s", try_cast(null as bigint) as "customer_hold_duration_s", try_cast(null as bigint) as "number_of_holds", try_cast(null as bigint) as "longest_hold_duration_s", try_cast(null as bigint) as "after_contact_work_duration_s", try_cast(null as bigint) as "agent_pause_duration_s", try_cast(null as bigint) as "agent_connection_attempts", try_cast(null as bigint) as "external_third_party_duration_s", try_cast(null as timestamp(6)) as "initiated_at", try_cast(null as timestamp(6)) as "connected_to_system_at", try_cast(null as timestamp(6)) as "enqueued_at", try_cast(null as timestamp(6)) as "dequeued_at", try_cast(null as timestamp(6)) as "connected_to_agent_at", try_cast(null as timestamp(6)) as "after_contact_work_started_at", try_cast(null as timestamp(6)) as "after_contact_work_ended_at", try_cast(null as timestamp(6)) as "transfer_completed_at", try_cast(null as timestamp(6)) as "disconnected_at", try_cast(null as timestamp(6)) as "scheduled_at", try_cast('2026-11-02 10:00:05' as timestamp(6)) as "last_updated_at", try_cast(null as varchar) as "recording_location", try_cast(null as varchar) as "recording_status", try_cast(null as array(row(deletionreason varchar, fragmentstartnumber varchar, fragmentstopnumber varchar, location varchar, mediastreamtype varchar, participanttype varchar, starttimestamp varchar, stoptimestamp varchar, status varchar, storagetype varchar))) as "recordings", try_cast('{"v":"1"}' as varchar) as "attributes_json", try_cast(null as varchar) as "chat_metrics_json"
union all
select try_cast(null as varchar) as "_raw_source", try_cast('f0' as varchar) as "_source_file", try_cast(null as varchar) as "_datehour", try_cast(1 as bigint) as "_line_number", try_cast(null as bigint) as "_object_size_bytes", try_cast('2026-12-01 00:00:00' as timestamp(6)) as "_ingested_at", try_cast('record' as varchar) as "_row_kind", try_cast(null as varchar) as "quarantine_reason", try_cast(null as varchar) as "line_excerpt", try_cast('a' as varchar) as "contact_id", try_cast(null as varchar) as "initial_contact_id", try_cast(null as varchar) as "previous_contact_id", try_cast(null as varchar) as "next_contact_id", try_cast(null as varchar) as "related_contact_id", try_cast(null as varchar) as "instance_arn", try_cast(null as varchar) as "aws_account_id", try_cast(null as varchar) as "channel", try_cast(null as varchar) as "initiation_method", try_cast(null as varchar) as "disconnect_reason", try_cast(null as varchar) as "queue_arn", try_cast(null as varchar) as "queue_name", try_cast(null as varchar) as "agent_arn", try_cast(null as varchar) as "agent_username", try_cast(null as varchar) as "routing_profile_arn", try_cast(null as varchar) as "routing_profile_name", try_cast(null as varchar) as "agent_hierarchy_level1", try_cast(null as varchar) as "agent_hierarchy_level2", try_cast(null as varchar) as "agent_hierarchy_level3", try_cast(null as varchar) as "customer_endpoint_type", try_cast(null as varchar) as "customer_key", try_cast(null as varchar) as "system_endpoint_address", try_cast(null as varchar) as "transferred_to_endpoint_address", try_cast(null as bigint) as "queue_duration_s", try_cast(null as bigint) as "agent_interaction_duration_s", try_cast(null as bigint) as "customer_hold_duration_s", try_cast(null as bigint) as "number_of_holds", try_cast(null as bigint) as "longest_hold_duration_s", try_cast(null as bigint) as "after_contact_work_duration_s", try_cast(null as bigint) as "agent_pause_duration_s", try_cast(null as bigint) as "agent_connection_attempts", try_cast(null as bigint) as "external_third_party_duration_s", try_cast(null as timestamp(6)) as "initiated_at", try_cast(null as timestamp(6)) as "connected_to_system_at", try_cast(null as timestamp(6)) as "enqueued_at", try_cast(null as timestamp(6)) as "dequeued_at", try_cast(null as timestamp(6)) as "connected_to_agent_at", try_cast(null as timestamp(6)) as "after_contact_work_started_at", try_cast(null as timestamp(6)) as "after_contact_work_ended_at", try_cast(null as timestamp(6)) as "transfer_completed_at", try_cast(null as timestamp(6)) as "disconnected_at", try_cast(null as timestamp(6)) as "scheduled_at", try_cast('2026-11-06 09:00:00' as timestamp(6)) as "last_updated_at", try_cast(null as varchar) as "recording_location", try_cast(null as varchar) as "recording_status", try_cast(null as array(row(deletionreason varchar, fragmentstartnumber varchar, fragmentstopnumber varchar, location varchar, mediastreamtype varchar, participanttype varchar, starttimestamp varchar, stoptimestamp varchar, status varchar, storagetype varchar))) as "recordings", try_cast('{"v":"2"}' as varchar) as "attributes_json", try_cast(null as varchar) as "chat_metrics_json"
), new_copies as (
    select * from __dbt__cte__base_connect__contact_records
    where _row_kind = 'record' and _ingested_at > (select max(_ingested_at) from __dbt__cte__stg_connect__contact_records)
),

candidates as (
    select
        contact_id,
        initial_contact_id,
        previous_contact_id,
        next_contact_id,
        related_contact_id,
        instance_arn,
        aws_account_id,
        channel,
        initiation_method,
        disconnect_reason,
        queue_arn,
        queue_name,
        agent_arn,
        agent_username,
        routing_profile_arn,
        routing_profile_name,
        agent_hierarchy_level1,
        agent_hierarchy_level2,
        agent_hierarchy_level3,
        customer_endpoint_type,
        customer_key,
        system_endpoint_address,
        transferred_to_endpoint_address,
        queue_duration_s,
        agent_interaction_duration_s,
        customer_hold_duration_s,
        number_of_holds,
        longest_hold_duration_s,
        after_contact_work_duration_s,
        agent_pause_duration_s,
        agent_connection_attempts,
        external_third_party_duration_s,
        initiated_at,
        connected_to_system_at,
        enqueued_at,
        dequeued_at,
        connected_to_agent_at,
        after_contact_work_started_at,
        after_contact_work_ended_at,
        transfer_completed_at,
        disconnected_at,
        scheduled_at,
        last_updated_at,
        recording_location,
        recording_status,
        recordings,
        attributes_json,
        chat_metrics_json,
        _source_file,
        _datehour,
        _line_number,
        _ingested_at,
        cast(1 as bigint) as copies
    from new_copies
    union all
    select
        contact_id,
        initial_contact_id,
        previous_contact_id,
        next_contact_id,
        related_contact_id,
        instance_arn,
        aws_account_id,
        channel,
        initiation_method,
        disconnect_reason,
        queue_arn,
        queue_name,
        agent_arn,
        agent_username,
        routing_profile_arn,
        routing_profile_name,
        agent_hierarchy_level1,
        agent_hierarchy_level2,
        agent_hierarchy_level3,
        customer_endpoint_type,
        customer_key,
        system_endpoint_address,
        transferred_to_endpoint_address,
        queue_duration_s,
        agent_interaction_duration_s,
        customer_hold_duration_s,
        number_of_holds,
        longest_hold_duration_s,
        after_contact_work_duration_s,
        agent_pause_duration_s,
        agent_connection_attempts,
        external_third_party_duration_s,
        initiated_at,
        connected_to_system_at,
        enqueued_at,
        dequeued_at,
        connected_to_agent_at,
        after_contact_work_started_at,
        after_contact_work_ended_at,
        transfer_completed_at,
        disconnected_at,
        scheduled_at,
        last_updated_at,
        recording_location,
        recording_status,
        recordings,
        attributes_json,
        chat_metrics_json,
        _source_file,
        _datehour,
        _line_number,
        _ingested_at,
        deliveries as copies
    from __dbt__cte__stg_connect__contact_records
    where contact_id in (select contact_id from new_copies)
),

ranked as (
    select
        candidates.*,
        row_number() over (partition by contact_id order by last_updated_at desc, _source_file desc, _line_number desc) as copy_rank,
        cast(sum(copies) over (partition by contact_id) as bigint) as deliveries,
        max(_ingested_at) over (partition by contact_id) as newest_ingested_at
    from candidates
)

select
    contact_id,
    initial_contact_id,
    previous_contact_id,
    next_contact_id,
    related_contact_id,
    instance_arn,
    aws_account_id,
    channel,
    initiation_method,
    disconnect_reason,
    queue_arn,
    queue_name,
    agent_arn,
    agent_username,
    routing_profile_arn,
    routing_profile_name,
    agent_hierarchy_level1,
    agent_hierarchy_level2,
    agent_hierarchy_level3,
    customer_endpoint_type,
    customer_key,
    system_endpoint_address,
    transferred_to_endpoint_address,
    queue_duration_s,
    agent_interaction_duration_s,
    customer_hold_duration_s,
    number_of_holds,
    longest_hold_duration_s,
    after_contact_work_duration_s,
    agent_pause_duration_s,
    agent_connection_attempts,
    external_third_party_duration_s,
    initiated_at,
    connected_to_system_at,
    enqueued_at,
    dequeued_at,
    connected_to_agent_at,
    after_contact_work_started_at,
    after_contact_work_ended_at,
    transfer_completed_at,
    disconnected_at,
    scheduled_at,
    last_updated_at,
    recording_location,
    recording_status,
    recordings,
    attributes_json,
    chat_metrics_json,
    _source_file,
    _datehour,
    _line_number,
    deliveries,
    newest_ingested_at as _ingested_at
from ranked
where copy_rank = 1
  ) _dbt_internal_unit_test_actual
),
-- Build expected result
dbt_internal_unit_test_expected as (
  select
    "contact_id", "attributes_json", "_source_file", "deliveries", 'expected' as "actual_or_expected"
  from (
    select try_cast('a' as varchar) as "contact_id", try_cast('{"v":"2"}' as varchar) as "attributes_json", try_cast('f0' as varchar) as "_source_file", try_cast(3 as bigint) as "deliveries"
  ) _dbt_internal_unit_test_expected
)
-- Union actual and expected results
select * from dbt_internal_unit_test_actual
union all
select * from dbt_internal_unit_test_expected