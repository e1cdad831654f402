
    -- Build actual result given inputs
with dbt_internal_unit_test_actual as (
  select
    "contact_id","is_queued","is_handled","is_abandoned","is_callback_requested", 'actual' as "actual_or_expected"
  from (
    -- One row per contact leg with its place in the chain, its relation to the leg before it (the
-- classification AWS publishes for contact records), and Amazon Connect's metric flags.
with  __dbt__cte__stg_connect__contact_records as (

-- Fixture for stg_connect__contact_records
select try_cast('ivr_only' as varchar) as "contact_id", try_cast(null as varchar) as "initial_contact_id", try_cast(null as varchar) as "previous_contact_id", try_cast(null as varchar) as "next_contact_id", try_cast(null as varchar) as "related_contact_id", try_cast(null as varchar) as "instance_arn", try_cast(null as varchar) as "aws_account_id", try_cast(null as varchar) as "channel", try_cast('INBOUND' as varchar) as "initiation_method", try_cast(null as varchar) as "disconnect_reason", try_cast(null as varchar) as "queue_arn", try_cast(null as varchar) as "queue_name", try_cast(null as varchar) as "agent_arn", try_cast(null as varchar) as "agent_username", try_cast(null as varchar) as "routing_profile_arn", try_cast(null as varchar) as "routing_profile_name", try_cast(null as varchar) as "agent_hierarchy_level1", try_cast(null as varchar) as "agent_hierarchy_level2", try_cast(null as varchar) as "agent_hierarchy_level3", try_cast(null as varchar) as "customer_endpoint_type", try_cast(null as varchar) as "customer_key", try_cast(null as varchar) as "system_endpoint_address", try_cast(null as varchar) as "transferred_to_endpoint_address", try_cast(null as bigint) as "queue_duration_s", try_cast(null as bigint) as "agent_interaction_duration_s", try_cast(null as bigint) as "customer_hold_duration_s", try_cast(null as bigint) as "number_of_holds", try_cast(null as bigint) as "longest_hold_duration_s", try_cast(null as bigint) as "after_contact_work_duration_s", try_cast(null as bigint) as "agent_pause_duration_s", try_cast(null as bigint) as "agent_connection_attempts", try_cast(null as bigint) as "external_third_party_duration_s", try_cast('2026-11-02 10:00:00' as timestamp(6)) as "initiated_at", try_cast(null as timestamp(6)) as "connected_to_system_at", try_cast(null as timestamp(6)) as "enqueued_at", try_cast(null as timestamp(6)) as "dequeued_at", try_cast(null as timestamp(6)) as "connected_to_agent_at", try_cast(null as timestamp(6)) as "after_contact_work_started_at", try_cast(null as timestamp(6)) as "after_contact_work_ended_at", try_cast(null as timestamp(6)) as "transfer_completed_at", try_cast(null as timestamp(6)) as "disconnected_at", try_cast(null as timestamp(6)) as "scheduled_at", try_cast(null as timestamp(6)) as "last_updated_at", try_cast(null as varchar) as "recording_location", try_cast(null as varchar) as "recording_status", try_cast(null as array(row(deletionreason varchar, fragmentstartnumber varchar, fragmentstopnumber varchar, location varchar, mediastreamtype varchar, participanttype varchar, starttimestamp varchar, stoptimestamp varchar, status varchar, storagetype varchar))) as "recordings", try_cast(null as varchar) as "attributes_json", try_cast(null as varchar) as "chat_metrics_json", try_cast(null as varchar) as "_source_file", try_cast(null as varchar) as "_datehour", try_cast(null as bigint) as "_line_number", try_cast(null as bigint) as "deliveries", try_cast(null as timestamp(6)) as "_ingested_at"
union all
select try_cast('outbound' as varchar) as "contact_id", try_cast(null as varchar) as "initial_contact_id", try_cast(null as varchar) as "previous_contact_id", try_cast(null as varchar) as "next_contact_id", try_cast(null as varchar) as "related_contact_id", try_cast(null as varchar) as "instance_arn", try_cast(null as varchar) as "aws_account_id", try_cast(null as varchar) as "channel", try_cast('OUTBOUND' as varchar) as "initiation_method", try_cast(null as varchar) as "disconnect_reason", try_cast(null as varchar) as "queue_arn", try_cast(null as varchar) as "queue_name", try_cast(null as varchar) as "agent_arn", try_cast('a' as varchar) as "agent_username", try_cast(null as varchar) as "routing_profile_arn", try_cast(null as varchar) as "routing_profile_name", try_cast(null as varchar) as "agent_hierarchy_level1", try_cast(null as varchar) as "agent_hierarchy_level2", try_cast(null as varchar) as "agent_hierarchy_level3", try_cast(null as varchar) as "customer_endpoint_type", try_cast(null as varchar) as "customer_key", try_cast(null as varchar) as "system_endpoint_address", try_cast(null as varchar) as "transferred_to_endpoint_address", try_cast(null as bigint) as "queue_duration_s", try_cast(null as bigint) as "agent_interaction_duration_s", try_cast(null as bigint) as "customer_hold_duration_s", try_cast(null as bigint) as "number_of_holds", try_cast(null as bigint) as "longest_hold_duration_s", try_cast(null as bigint) as "after_contact_work_duration_s", try_cast(null as bigint) as "agent_pause_duration_s", try_cast(null as bigint) as "agent_connection_attempts", try_cast(null as bigint) as "external_third_party_duration_s", try_cast('2026-11-02 10:00:00' as timestamp(6)) as "initiated_at", try_cast(null as timestamp(6)) as "connected_to_system_at", try_cast(null as timestamp(6)) as "enqueued_at", try_cast(null as timestamp(6)) as "dequeued_at", try_cast('2026-11-02 10:00:00' as timestamp(6)) as "connected_to_agent_at", try_cast(null as timestamp(6)) as "after_contact_work_started_at", try_cast(null as timestamp(6)) as "after_contact_work_ended_at", try_cast(null as timestamp(6)) as "transfer_completed_at", try_cast(null as timestamp(6)) as "disconnected_at", try_cast(null as timestamp(6)) as "scheduled_at", try_cast(null as timestamp(6)) as "last_updated_at", try_cast(null as varchar) as "recording_location", try_cast(null as varchar) as "recording_status", try_cast(null as array(row(deletionreason varchar, fragmentstartnumber varchar, fragmentstopnumber varchar, location varchar, mediastreamtype varchar, participanttype varchar, starttimestamp varchar, stoptimestamp varchar, status varchar, storagetype varchar))) as "recordings", try_cast(null as varchar) as "attributes_json", try_cast(null as varchar) as "chat_metrics_json", try_cast(null as varchar) as "_source_file", try_cast(null as varchar) as "_datehour", try_cast(null as bigint) as "_line_number", try_cast(null as bigint) as "deliveries", try_cast(null as timestamp(6)) as "_ingested_at"
union all
select try_cast('gave_up' as varchar) as "contact_id", try_cast(null as varchar) as "initial_contact_id", try_cast(null as varchar) as "previous_contact_id", try_cast(null as varchar) as "next_contact_id", try_cast(null as varchar) as "related_contact_id", try_cast(null as varchar) as "instance_arn", try_cast(null as varchar) as "aws_account_id", try_cast(null as varchar) as "channel", try_cast('INBOUND' as varchar) as "initiation_method", try_cast(null as varchar) as "disconnect_reason", try_cast(null as varchar) as "queue_arn", try_cast(null as varchar) as "queue_name", try_cast(null as varchar) as "agent_arn", try_cast(null as varchar) as "agent_username", try_cast(null as varchar) as "routing_profile_arn", try_cast(null as varchar) as "routing_profile_name", try_cast(null as varchar) as "agent_hierarchy_level1", try_cast(null as varchar) as "agent_hierarchy_level2", try_cast(null as varchar) as "agent_hierarchy_level3", try_cast(null as varchar) as "customer_endpoint_type", try_cast(null as varchar) as "customer_key", try_cast(null as varchar) as "system_endpoint_address", try_cast(null as varchar) as "transferred_to_endpoint_address", try_cast(null as bigint) as "queue_duration_s", try_cast(null as bigint) as "agent_interaction_duration_s", try_cast(null as bigint) as "customer_hold_duration_s", try_cast(null as bigint) as "number_of_holds", try_cast(null as bigint) as "longest_hold_duration_s", try_cast(null as bigint) as "after_contact_work_duration_s", try_cast(null as bigint) as "agent_pause_duration_s", try_cast(null as bigint) as "agent_connection_attempts", try_cast(null as bigint) as "external_third_party_duration_s", try_cast('2026-11-02 10:00:00' as timestamp(6)) as "initiated_at", try_cast(null as timestamp(6)) as "connected_to_system_at", try_cast('2026-11-02 10:00:30' as timestamp(6)) as "enqueued_at", try_cast(null as timestamp(6)) as "dequeued_at", try_cast(null as timestamp(6)) as "connected_to_agent_at", try_cast(null as timestamp(6)) as "after_contact_work_started_at", try_cast(null as timestamp(6)) as "after_contact_work_ended_at", try_cast(null as timestamp(6)) as "transfer_completed_at", try_cast(null as timestamp(6)) as "disconnected_at", try_cast(null as timestamp(6)) as "scheduled_at", try_cast(null as timestamp(6)) as "last_updated_at", try_cast(null as varchar) as "recording_location", try_cast(null as varchar) as "recording_status", try_cast(null as array(row(deletionreason varchar, fragmentstartnumber varchar, fragmentstopnumber varchar, location varchar, mediastreamtype varchar, participanttype varchar, starttimestamp varchar, stoptimestamp varchar, status varchar, storagetype varchar))) as "recordings", try_cast(null as varchar) as "attributes_json", try_cast(null as varchar) as "chat_metrics_json", try_cast(null as varchar) as "_source_file", try_cast(null as varchar) as "_datehour", try_cast(null as bigint) as "_line_number", try_cast(null as bigint) as "deliveries", try_cast(null as timestamp(6)) as "_ingested_at"
union all
select try_cast('called_back' as varchar) as "contact_id", try_cast(null as varchar) as "initial_contact_id", try_cast(null as varchar) as "previous_contact_id", try_cast('cb' as varchar) as "next_contact_id", try_cast(null as varchar) as "related_contact_id", try_cast(null as varchar) as "instance_arn", try_cast(null as varchar) as "aws_account_id", try_cast(null as varchar) as "channel", try_cast('INBOUND' as varchar) as "initiation_method", try_cast(null as varchar) as "disconnect_reason", try_cast(null as varchar) as "queue_arn", try_cast(null as varchar) as "queue_name", try_cast(null as varchar) as "agent_arn", try_cast(null as varchar) as "agent_username", try_cast(null as varchar) as "routing_profile_arn", try_cast(null as varchar) as "routing_profile_name", try_cast(null as varchar) as "agent_hierarchy_level1", try_cast(null as varchar) as "agent_hierarchy_level2", try_cast(null as varchar) as "agent_hierarchy_level3", try_cast(null as varchar) as "customer_endpoint_type", try_cast(null as varchar) as "customer_key", try_cast(null as varchar) as "system_endpoint_address", try_cast(null as varchar) as "transferred_to_endpoint_address", try_cast(null as bigint) as "queue_duration_s", try_cast(null as bigint) as "agent_interaction_duration_s", try_cast(null as bigint) as "customer_hold_duration_s", try_cast(null as bigint) as "number_of_holds", try_cast(null as bigint) as "longest_hold_duration_s", try_cast(null as bigint) as "after_contact_work_duration_s", try_cast(null as bigint) as "agent_pause_duration_s", try_cast(null as bigint) as "agent_connection_attempts", try_cast(null as bigint) as "external_third_party_duration_s", try_cast('2026-11-02 10:00:00' as timestamp(6)) as "initiated_at", try_cast(null as timestamp(6)) as "connected_to_system_at", try_cast('2026-11-02 10:00:30' as timestamp(6)) as "enqueued_at", try_cast(null as timestamp(6)) as "dequeued_at", try_cast(null as timestamp(6)) as "connected_to_agent_at", try_cast(null as timestamp(6)) as "after_contact_work_started_at", try_cast(null as timestamp(6)) as "after_contact_work_ended_at", try_cast(null as timestamp(6)) as "transfer_completed_at", try_cast(null as timestamp(6)) as "disconnected_at", try_cast(null as timestamp(6)) as "scheduled_at", try_cast(null as timestamp(6)) as "last_updated_at", try_cast(null as varchar) as "recording_location", try_cast(null as varchar) as "recording_status", try_cast(null as array(row(deletionreason varchar, fragmentstartnumber varchar, fragmentstopnumber varchar, location varchar, mediastreamtype varchar, participanttype varchar, starttimestamp varchar, stoptimestamp varchar, status varchar, storagetype varchar))) as "recordings", try_cast(null as varchar) as "attributes_json", try_cast(null as varchar) as "chat_metrics_json", try_cast(null as varchar) as "_source_file", try_cast(null as varchar) as "_datehour", try_cast(null as bigint) as "_line_number", try_cast(null as bigint) as "deliveries", try_cast(null as timestamp(6)) as "_ingested_at"
union all
select try_cast('cb' as varchar) as "contact_id", try_cast('called_back' as varchar) as "initial_contact_id", try_cast('called_back' as varchar) as "previous_contact_id", try_cast(null as varchar) as "next_contact_id", try_cast(null as varchar) as "related_contact_id", try_cast(null as varchar) as "instance_arn", try_cast(null as varchar) as "aws_account_id", try_cast(null as varchar) as "channel", try_cast('CALLBACK' as varchar) as "initiation_method", try_cast(null as varchar) as "disconnect_reason", try_cast(null as varchar) as "queue_arn", try_cast(null as varchar) as "queue_name", try_cast(null as varchar) as "agent_arn", try_cast(null as varchar) as "agent_username", try_cast(null as varchar) as "routing_profile_arn", try_cast(null as varchar) as "routing_profile_name", try_cast(null as varchar) as "agent_hierarchy_level1", try_cast(null as varchar) as "agent_hierarchy_level2", try_cast(null as varchar) as "agent_hierarchy_level3", try_cast(null as varchar) as "customer_endpoint_type", try_cast(null as varchar) as "customer_key", try_cast(null as varchar) as "system_endpoint_address", try_cast(null as varchar) as "transferred_to_endpoint_address", try_cast(null as bigint) as "queue_duration_s", try_cast(null as bigint) as "agent_interaction_duration_s", try_cast(null as bigint) as "customer_hold_duration_s", try_cast(null as bigint) as "number_of_holds", try_cast(null as bigint) as "longest_hold_duration_s", try_cast(null as bigint) as "after_contact_work_duration_s", try_cast(null as bigint) as "agent_pause_duration_s", try_cast(null as bigint) as "agent_connection_attempts", try_cast(null as bigint) as "external_third_party_duration_s", try_cast('2026-11-02 10:02:00' as timestamp(6)) as "initiated_at", try_cast(null as timestamp(6)) as "connected_to_system_at", try_cast('2026-11-02 10:02:00' as timestamp(6)) as "enqueued_at", try_cast(null as timestamp(6)) as "dequeued_at", try_cast(null as timestamp(6)) as "connected_to_agent_at", try_cast(null as timestamp(6)) as "after_contact_work_started_at", try_cast(null as timestamp(6)) as "after_contact_work_ended_at", try_cast(null as timestamp(6)) as "transfer_completed_at", try_cast(null as timestamp(6)) as "disconnected_at", try_cast(null as timestamp(6)) as "scheduled_at", try_cast(null as timestamp(6)) as "last_updated_at", try_cast(null as varchar) as "recording_location", try_cast(null as varchar) as "recording_status", try_cast(null as array(row(deletionreason varchar, fragmentstartnumber varchar, fragmentstopnumber varchar, location varchar, mediastreamtype varchar, participanttype varchar, starttimestamp varchar, stoptimestamp varchar, status varchar, storagetype varchar))) as "recordings", try_cast(null as varchar) as "attributes_json", try_cast(null as varchar) as "chat_metrics_json", try_cast(null as varchar) as "_source_file", try_cast(null as varchar) as "_datehour", try_cast(null as bigint) as "_line_number", try_cast(null as bigint) as "deliveries", try_cast(null as timestamp(6)) as "_ingested_at"
union all
select try_cast('answered' as varchar) as "contact_id", try_cast(null as varchar) as "initial_contact_id", try_cast(null as varchar) as "previous_contact_id", try_cast(null as varchar) as "next_contact_id", try_cast(null as varchar) as "related_contact_id", try_cast(null as varchar) as "instance_arn", try_cast(null as varchar) as "aws_account_id", try_cast(null as varchar) as "channel", try_cast('INBOUND' as varchar) as "initiation_method", try_cast(null as varchar) as "disconnect_reason", try_cast(null as varchar) as "queue_arn", try_cast(null as varchar) as "queue_name", try_cast(null as varchar) as "agent_arn", try_cast('a' as varchar) as "agent_username", try_cast(null as varchar) as "routing_profile_arn", try_cast(null as varchar) as "routing_profile_name", try_cast(null as varchar) as "agent_hierarchy_level1", try_cast(null as varchar) as "agent_hierarchy_level2", try_cast(null as varchar) as "agent_hierarchy_level3", try_cast(null as varchar) as "customer_endpoint_type", try_cast(null as varchar) as "customer_key", try_cast(null as varchar) as "system_endpoint_address", try_cast(null as varchar) as "transferred_to_endpoint_address", try_cast(null as bigint) as "queue_duration_s", try_cast(null as bigint) as "agent_interaction_duration_s", try_cast(null as bigint) as "customer_hold_duration_s", try_cast(null as bigint) as "number_of_holds", try_cast(null as bigint) as "longest_hold_duration_s", try_cast(null as bigint) as "after_contact_work_duration_s", try_cast(null as bigint) as "agent_pause_duration_s", try_cast(null as bigint) as "agent_connection_attempts", try_cast(null as bigint) as "external_third_party_duration_s", try_cast('2026-11-02 10:00:00' as timestamp(6)) as "initiated_at", try_cast(null as timestamp(6)) as "connected_to_system_at", try_cast('2026-11-02 10:00:30' as timestamp(6)) as "enqueued_at", try_cast(null as timestamp(6)) as "dequeued_at", try_cast('2026-11-02 10:01:00' as timestamp(6)) as "connected_to_agent_at", try_cast(null as timestamp(6)) as "after_contact_work_started_at", try_cast(null as timestamp(6)) as "after_contact_work_ended_at", try_cast(null as timestamp(6)) as "transfer_completed_at", try_cast(null as timestamp(6)) as "disconnected_at", try_cast(null as timestamp(6)) as "scheduled_at", try_cast(null as timestamp(6)) as "last_updated_at", try_cast(null as varchar) as "recording_location", try_cast(null as varchar) as "recording_status", try_cast(null as array(row(deletionreason varchar, fragmentstartnumber varchar, fragmentstopnumber varchar, location varchar, mediastreamtype varchar, participanttype varchar, starttimestamp varchar, stoptimestamp varchar, status varchar, storagetype varchar))) as "recordings", try_cast(null as varchar) as "attributes_json", try_cast(null as varchar) as "chat_metrics_json", try_cast(null as varchar) as "_source_file", try_cast(null as varchar) as "_datehour", try_cast(null as bigint) as "_line_number", try_cast(null as bigint) as "deliveries", try_cast(null as timestamp(6)) as "_ingested_at"
union all
select try_cast('to_external_from_queue' as varchar) as "contact_id", try_cast(null as varchar) as "initial_contact_id", try_cast(null as varchar) as "previous_contact_id", try_cast(null as varchar) as "next_contact_id", try_cast(null as varchar) as "related_contact_id", try_cast(null as varchar) as "instance_arn", try_cast(null as varchar) as "aws_account_id", try_cast(null as varchar) as "channel", try_cast('INBOUND' as varchar) as "initiation_method", try_cast(null as varchar) as "disconnect_reason", try_cast(null as varchar) as "queue_arn", try_cast(null as varchar) as "queue_name", try_cast(null as varchar) as "agent_arn", try_cast(null as varchar) as "agent_username", try_cast(null as varchar) as "routing_profile_arn", try_cast(null as varchar) as "routing_profile_name", try_cast(null as varchar) as "agent_hierarchy_level1", try_cast(null as varchar) as "agent_hierarchy_level2", try_cast(null as varchar) as "agent_hierarchy_level3", try_cast(null as varchar) as "customer_endpoint_type", try_cast(null as varchar) as "customer_key", try_cast(null as varchar) as "system_endpoint_address", try_cast(null as varchar) as "transferred_to_endpoint_address", try_cast(null as bigint) as "queue_duration_s", try_cast(null as bigint) as "agent_interaction_duration_s", try_cast(null as bigint) as "customer_hold_duration_s", try_cast(null as bigint) as "number_of_holds", try_cast(null as bigint) as "longest_hold_duration_s", try_cast(null as bigint) as "after_contact_work_duration_s", try_cast(null as bigint) as "agent_pause_duration_s", try_cast(null as bigint) as "agent_connection_attempts", try_cast(null as bigint) as "external_third_party_duration_s", try_cast('2026-11-02 10:00:00' as timestamp(6)) as "initiated_at", try_cast(null as timestamp(6)) as "connected_to_system_at", try_cast('2026-11-02 10:00:30' as timestamp(6)) as "enqueued_at", try_cast(null as timestamp(6)) as "dequeued_at", try_cast(null as timestamp(6)) as "connected_to_agent_at", try_cast(null as timestamp(6)) as "after_contact_work_started_at", try_cast(null as timestamp(6)) as "after_contact_work_ended_at", try_cast('2026-11-02 10:03:00' as timestamp(6)) as "transfer_completed_at", try_cast(null as timestamp(6)) as "disconnected_at", try_cast(null as timestamp(6)) as "scheduled_at", try_cast(null as timestamp(6)) as "last_updated_at", try_cast(null as varchar) as "recording_location", try_cast(null as varchar) as "recording_status", try_cast(null as array(row(deletionreason varchar, fragmentstartnumber varchar, fragmentstopnumber varchar, location varchar, mediastreamtype varchar, participanttype varchar, starttimestamp varchar, stoptimestamp varchar, status varchar, storagetype varchar))) as "recordings", try_cast(null as varchar) as "attributes_json", try_cast(null as varchar) as "chat_metrics_json", try_cast(null as varchar) as "_source_file", try_cast(null as varchar) as "_datehour", try_cast(null as bigint) as "_line_number", try_cast(null as bigint) as "deliveries", try_cast(null as timestamp(6)) as "_ingested_at"
), legs as (
    select * from __dbt__cte__stg_connect__contact_records
),

neighbours as (
    select
        contact_id,
        initiation_method,
        after_contact_work_started_at,
        transfer_completed_at,
        customer_hold_duration_s
    from legs
),

chained as (
    select
        legs.*,
        coalesce(legs.initial_contact_id, legs.contact_id) as root_contact_id,
        previous_leg.after_contact_work_started_at as previous_acw_started_at,
        previous_leg.transfer_completed_at as previous_transfer_completed_at,
        previous_leg.customer_hold_duration_s as previous_customer_hold_duration_s,
        next_leg.initiation_method as next_initiation_method
    from legs
    left join neighbours as previous_leg on legs.previous_contact_id = previous_leg.contact_id
    left join neighbours as next_leg on legs.next_contact_id = next_leg.contact_id
),

classified as (
    select
        *,
        case
            when previous_contact_id is null then null
            when initiation_method = 'CALLBACK' then 'CALLBACK'
            when initiation_method = 'QUEUE_TRANSFER' then 'QUEUE_TRANSFER'
            when initiation_method = 'EXTERNAL_OUTBOUND' and agent_username is null
                then
                    case
                        when previous_transfer_completed_at is not null
                            and disconnected_at > previous_transfer_completed_at then 'EXTERNAL_TRANSFER'
                        when previous_customer_hold_duration_s >= external_third_party_duration_s
                            then 'EXTERNAL_CONSULT'
                        else 'EXTERNAL_CONFERENCE'
                    end
            when previous_transfer_completed_at is not null
                and (
                    after_contact_work_started_at is null
                    or after_contact_work_started_at > previous_acw_started_at
                ) then 'TRANSFER'
            -- the previous agent stayed on: a consult, or a conference when this agent
            -- spoke with the customer for more than 2 s
            when coalesce(agent_interaction_duration_s, 0) <= 2 then 'CONSULT'
            else 'CONFERENCE'
        end as relation_to_previous
    from chained
),

flagged as (
    select
        *,
        enqueued_at is not null as is_queued,
        connected_to_agent_at is not null as is_handled,
        -- Connect's rule, not "no agent": queued, never connected, not moved on to another leg, not a
        -- queue-to-external transfer, and never a callback (the customer is not waiting on the line)
        (
            enqueued_at is not null
            and connected_to_agent_at is null
            and next_contact_id is null
            and transfer_completed_at is null
            and initiation_method <> 'CALLBACK'
        ) as is_abandoned,
        coalesce(next_initiation_method = 'CALLBACK', false) as is_callback_requested,
        initiation_method in ('TRANSFER', 'QUEUE_TRANSFER') as is_transferred_in,
        row_number() over (
            partition by root_contact_id
            order by initiated_at, contact_id
        ) as leg_number,
        count(*) over (partition by root_contact_id) as legs_in_chain
    from classified
),

with_transfer_out as (
    select
        flagged.*,
        coalesce(
            next_leg.relation_to_previous in ('TRANSFER', 'EXTERNAL_TRANSFER', 'QUEUE_TRANSFER'), false
        ) as is_transferred_out
    from flagged
    left join classified as next_leg on flagged.next_contact_id = next_leg.contact_id
)

select * from with_transfer_out
  ) _dbt_internal_unit_test_actual
),
-- Build expected result
dbt_internal_unit_test_expected as (
  select
    "contact_id", "is_queued", "is_handled", "is_abandoned", "is_callback_requested", 'expected' as "actual_or_expected"
  from (
    select try_cast('ivr_only' as varchar) as "contact_id", try_cast(False as boolean) as "is_queued", try_cast(False as boolean) as "is_handled", try_cast(False as boolean) as "is_abandoned", try_cast(False as boolean) as "is_callback_requested"
union all
select try_cast('outbound' as varchar) as "contact_id", try_cast(False as boolean) as "is_queued", try_cast(True as boolean) as "is_handled", try_cast(False as boolean) as "is_abandoned", try_cast(False as boolean) as "is_callback_requested"
union all
select try_cast('gave_up' as varchar) as "contact_id", try_cast(True as boolean) as "is_queued", try_cast(False as boolean) as "is_handled", try_cast(True as boolean) as "is_abandoned", try_cast(False as boolean) as "is_callback_requested"
union all
select try_cast('called_back' as varchar) as "contact_id", try_cast(True as boolean) as "is_queued", try_cast(False as boolean) as "is_handled", try_cast(False as boolean) as "is_abandoned", try_cast(True as boolean) as "is_callback_requested"
union all
select try_cast('cb' as varchar) as "contact_id", try_cast(True as boolean) as "is_queued", try_cast(False as boolean) as "is_handled", try_cast(False as boolean) as "is_abandoned", try_cast(False as boolean) as "is_callback_requested"
union all
select try_cast('answered' as varchar) as "contact_id", try_cast(True as boolean) as "is_queued", try_cast(True as boolean) as "is_handled", try_cast(False as boolean) as "is_abandoned", try_cast(False as boolean) as "is_callback_requested"
union all
select try_cast('to_external_from_queue' as varchar) as "contact_id", try_cast(True as boolean) as "is_queued", try_cast(False as boolean) as "is_handled", try_cast(False as boolean) as "is_abandoned", try_cast(False as boolean) as "is_callback_requested"
  ) _dbt_internal_unit_test_expected
)
-- Union actual and expected results
select * from dbt_internal_unit_test_actual
union all
select * from dbt_internal_unit_test_expected