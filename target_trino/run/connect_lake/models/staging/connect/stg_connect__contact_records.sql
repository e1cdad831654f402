
  
    

    create table "iceberg"."connect_lake_staging"."stg_connect__contact_records__dbt_tmp"
      comment 'One row per contact leg: the newest copy of each contact record (latest LastUpdateTimestamp, ties broken by the newest object), so at-least-once duplicates and re-deliveries days later count once. Incremental (merge on contact_id): the copies that arrived since the last run compete with the copy kept so far, so a late older copy never replaces a newer one.
'
      
    as (
      
-- One row per contact leg: the newest delivered copy of each contact record. Connect delivers records at
-- least once and re-delivers them when they change, so the latest LastUpdateTimestamp wins; equal copies
-- are broken by the object they landed in, newest first, so the result does not depend on read order.
with new_copies as (
    select * from "iceberg"."connect_lake_staging"."base_connect__contact_records"
    where _row_kind = 'record' and true
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
    );

  