
-- One row per queue, channel and interval (var interval_minutes) with Connect's queue metrics. Rebuilt whole
-- each run from fct_contacts, which is cheap (one aggregate over one row per contact) and leaves no way for a
-- contact that moved to another queue or interval to be counted twice.

with  __dbt__cte__fct_contacts as (

-- Fixture for fct_contacts
select try_cast('a' as varchar) as "contact_id", try_cast(null as varchar) as "root_contact_id", try_cast(null as varchar) as "initial_contact_id", try_cast(null as varchar) as "previous_contact_id", try_cast(null as varchar) as "next_contact_id", try_cast(null as bigint) as "leg_number", try_cast(null as bigint) as "legs_in_chain", try_cast(null as varchar) as "relation_to_previous", try_cast('VOICE' as varchar) as "channel", try_cast(null as varchar) as "initiation_method", try_cast(null as varchar) as "disconnect_reason", try_cast(null as varchar) as "queue_arn", try_cast('Sales' as varchar) as "queue_name", try_cast(null as varchar) as "agent_arn", try_cast(null as varchar) as "agent_version_key", try_cast(null as varchar) as "agent_username", try_cast(null as varchar) as "routing_profile_arn", try_cast(null as varchar) as "routing_profile_name", try_cast(null as varchar) as "customer_key", try_cast(null as varchar) as "customer_endpoint_type", try_cast(True as boolean) as "is_queued", try_cast(True as boolean) as "is_handled", try_cast(False as boolean) as "is_abandoned", try_cast(False as boolean) as "is_callback_requested", try_cast(False as boolean) as "is_transferred_in", try_cast(False as boolean) as "is_transferred_out", try_cast(19 as bigint) as "queue_duration_s", try_cast(270 as bigint) as "interaction_duration_s", try_cast(0 as bigint) as "customer_hold_duration_s", try_cast(null as bigint) as "number_of_holds", try_cast(null as bigint) as "longest_hold_duration_s", try_cast(30 as bigint) as "after_contact_work_duration_s", try_cast(null as bigint) as "agent_pause_duration_s", try_cast(300 as bigint) as "handle_time_s", try_cast(null as bigint) as "external_third_party_duration_s", try_cast(null as bigint) as "agent_connection_attempts", try_cast('2026-11-02 10:00:00' as timestamp(6)) as "initiated_at", try_cast(null as timestamp(6)) as "connected_to_system_at", try_cast('2026-11-02 10:01:00' as timestamp(6)) as "enqueued_at", try_cast(null as timestamp(6)) as "dequeued_at", try_cast(null as timestamp(6)) as "connected_to_agent_at", try_cast(null as timestamp(6)) as "transfer_completed_at", try_cast(null as timestamp(6)) as "disconnected_at", try_cast(null as timestamp(6)) as "after_contact_work_started_at", try_cast(null as timestamp(6)) as "after_contact_work_ended_at", try_cast(null as timestamp(6)) as "last_updated_at", try_cast(null as date) as "contact_date", try_cast(null as bigint) as "deliveries", try_cast(null as varchar) as "attributes_json", try_cast('2026/11/02/10' as varchar) as "_datehour", try_cast(null as timestamp(6)) as "_ingested_at"
union all
select try_cast('b' as varchar) as "contact_id", try_cast(null as varchar) as "root_contact_id", try_cast(null as varchar) as "initial_contact_id", try_cast(null as varchar) as "previous_contact_id", try_cast(null as varchar) as "next_contact_id", try_cast(null as bigint) as "leg_number", try_cast(null as bigint) as "legs_in_chain", try_cast(null as varchar) as "relation_to_previous", try_cast('VOICE' as varchar) as "channel", try_cast(null as varchar) as "initiation_method", try_cast(null as varchar) as "disconnect_reason", try_cast(null as varchar) as "queue_arn", try_cast('Sales' as varchar) as "queue_name", try_cast(null as varchar) as "agent_arn", try_cast(null as varchar) as "agent_version_key", try_cast(null as varchar) as "agent_username", try_cast(null as varchar) as "routing_profile_arn", try_cast(null as varchar) as "routing_profile_name", try_cast(null as varchar) as "customer_key", try_cast(null as varchar) as "customer_endpoint_type", try_cast(True as boolean) as "is_queued", try_cast(True as boolean) as "is_handled", try_cast(False as boolean) as "is_abandoned", try_cast(False as boolean) as "is_callback_requested", try_cast(False as boolean) as "is_transferred_in", try_cast(False as boolean) as "is_transferred_out", try_cast(20 as bigint) as "queue_duration_s", try_cast(70 as bigint) as "interaction_duration_s", try_cast(20 as bigint) as "customer_hold_duration_s", try_cast(null as bigint) as "number_of_holds", try_cast(null as bigint) as "longest_hold_duration_s", try_cast(10 as bigint) as "after_contact_work_duration_s", try_cast(null as bigint) as "agent_pause_duration_s", try_cast(100 as bigint) as "handle_time_s", try_cast(null as bigint) as "external_third_party_duration_s", try_cast(null as bigint) as "agent_connection_attempts", try_cast('2026-11-02 10:00:00' as timestamp(6)) as "initiated_at", try_cast(null as timestamp(6)) as "connected_to_system_at", try_cast('2026-11-02 10:02:00' as timestamp(6)) as "enqueued_at", try_cast(null as timestamp(6)) as "dequeued_at", try_cast(null as timestamp(6)) as "connected_to_agent_at", try_cast(null as timestamp(6)) as "transfer_completed_at", try_cast(null as timestamp(6)) as "disconnected_at", try_cast(null as timestamp(6)) as "after_contact_work_started_at", try_cast(null as timestamp(6)) as "after_contact_work_ended_at", try_cast(null as timestamp(6)) as "last_updated_at", try_cast(null as date) as "contact_date", try_cast(null as bigint) as "deliveries", try_cast(null as varchar) as "attributes_json", try_cast('2026/11/02/10' as varchar) as "_datehour", try_cast(null as timestamp(6)) as "_ingested_at"
union all
select try_cast('c' as varchar) as "contact_id", try_cast(null as varchar) as "root_contact_id", try_cast(null as varchar) as "initial_contact_id", try_cast(null as varchar) as "previous_contact_id", try_cast(null as varchar) as "next_contact_id", try_cast(null as bigint) as "leg_number", try_cast(null as bigint) as "legs_in_chain", try_cast(null as varchar) as "relation_to_previous", try_cast('VOICE' as varchar) as "channel", try_cast(null as varchar) as "initiation_method", try_cast(null as varchar) as "disconnect_reason", try_cast(null as varchar) as "queue_arn", try_cast('Sales' as varchar) as "queue_name", try_cast(null as varchar) as "agent_arn", try_cast(null as varchar) as "agent_version_key", try_cast(null as varchar) as "agent_username", try_cast(null as varchar) as "routing_profile_arn", try_cast(null as varchar) as "routing_profile_name", try_cast(null as varchar) as "customer_key", try_cast(null as varchar) as "customer_endpoint_type", try_cast(True as boolean) as "is_queued", try_cast(False as boolean) as "is_handled", try_cast(True as boolean) as "is_abandoned", try_cast(False as boolean) as "is_callback_requested", try_cast(False as boolean) as "is_transferred_in", try_cast(False as boolean) as "is_transferred_out", try_cast(5 as bigint) as "queue_duration_s", try_cast(null as bigint) as "interaction_duration_s", try_cast(null as bigint) as "customer_hold_duration_s", try_cast(null as bigint) as "number_of_holds", try_cast(null as bigint) as "longest_hold_duration_s", try_cast(null as bigint) as "after_contact_work_duration_s", try_cast(null as bigint) as "agent_pause_duration_s", try_cast(null as bigint) as "handle_time_s", try_cast(null as bigint) as "external_third_party_duration_s", try_cast(null as bigint) as "agent_connection_attempts", try_cast('2026-11-02 10:00:00' as timestamp(6)) as "initiated_at", try_cast(null as timestamp(6)) as "connected_to_system_at", try_cast('2026-11-02 10:14:59' as timestamp(6)) as "enqueued_at", try_cast(null as timestamp(6)) as "dequeued_at", try_cast(null as timestamp(6)) as "connected_to_agent_at", try_cast(null as timestamp(6)) as "transfer_completed_at", try_cast(null as timestamp(6)) as "disconnected_at", try_cast(null as timestamp(6)) as "after_contact_work_started_at", try_cast(null as timestamp(6)) as "after_contact_work_ended_at", try_cast(null as timestamp(6)) as "last_updated_at", try_cast(null as date) as "contact_date", try_cast(null as bigint) as "deliveries", try_cast(null as varchar) as "attributes_json", try_cast('2026/11/02/10' as varchar) as "_datehour", try_cast(null as timestamp(6)) as "_ingested_at"
union all
select try_cast('d' as varchar) as "contact_id", try_cast(null as varchar) as "root_contact_id", try_cast(null as varchar) as "initial_contact_id", try_cast(null as varchar) as "previous_contact_id", try_cast(null as varchar) as "next_contact_id", try_cast(null as bigint) as "leg_number", try_cast(null as bigint) as "legs_in_chain", try_cast(null as varchar) as "relation_to_previous", try_cast('VOICE' as varchar) as "channel", try_cast(null as varchar) as "initiation_method", try_cast(null as varchar) as "disconnect_reason", try_cast(null as varchar) as "queue_arn", try_cast('Sales' as varchar) as "queue_name", try_cast(null as varchar) as "agent_arn", try_cast(null as varchar) as "agent_version_key", try_cast(null as varchar) as "agent_username", try_cast(null as varchar) as "routing_profile_arn", try_cast(null as varchar) as "routing_profile_name", try_cast(null as varchar) as "customer_key", try_cast(null as varchar) as "customer_endpoint_type", try_cast(True as boolean) as "is_queued", try_cast(False as boolean) as "is_handled", try_cast(True as boolean) as "is_abandoned", try_cast(False as boolean) as "is_callback_requested", try_cast(False as boolean) as "is_transferred_in", try_cast(False as boolean) as "is_transferred_out", try_cast(40 as bigint) as "queue_duration_s", try_cast(null as bigint) as "interaction_duration_s", try_cast(null as bigint) as "customer_hold_duration_s", try_cast(null as bigint) as "number_of_holds", try_cast(null as bigint) as "longest_hold_duration_s", try_cast(null as bigint) as "after_contact_work_duration_s", try_cast(null as bigint) as "agent_pause_duration_s", try_cast(null as bigint) as "handle_time_s", try_cast(null as bigint) as "external_third_party_duration_s", try_cast(null as bigint) as "agent_connection_attempts", try_cast('2026-11-02 10:00:00' as timestamp(6)) as "initiated_at", try_cast(null as timestamp(6)) as "connected_to_system_at", try_cast('2026-11-02 10:15:00' as timestamp(6)) as "enqueued_at", try_cast(null as timestamp(6)) as "dequeued_at", try_cast(null as timestamp(6)) as "connected_to_agent_at", try_cast(null as timestamp(6)) as "transfer_completed_at", try_cast(null as timestamp(6)) as "disconnected_at", try_cast(null as timestamp(6)) as "after_contact_work_started_at", try_cast(null as timestamp(6)) as "after_contact_work_ended_at", try_cast(null as timestamp(6)) as "last_updated_at", try_cast(null as date) as "contact_date", try_cast(null as bigint) as "deliveries", try_cast(null as varchar) as "attributes_json", try_cast('2026/11/02/10' as varchar) as "_datehour", try_cast(null as timestamp(6)) as "_ingested_at"
),  __dbt__cte__queue_service_level_targets as (

-- Fixture for queue_service_level_targets
select try_cast('Sales' as varchar) as "queue_name", try_cast('VOICE' as varchar) as "channel", try_cast(20 as integer) as "service_level_threshold_s", try_cast(80 as integer) as "service_level_target_pct"
), contacts as (
    select
        *,
        cast(date_add('minute', cast(floor(extract(minute from coalesce(enqueued_at, initiated_at)) / 15) * 15 as bigint), date_trunc('hour', coalesce(enqueued_at, initiated_at))) as timestamp) as interval_start_at
    from __dbt__cte__fct_contacts
    -- agent queues (transfers to an agent) have no name and are not reported as queues
    where queue_name is not null
),

thresholds as (
    select
        queue_name,
        cast(service_level_threshold_s as bigint) as service_level_threshold_s
    from __dbt__cte__queue_service_level_targets
),

measured as (
    select
        contacts.*,
        coalesce(thresholds.service_level_threshold_s, 20)
            as service_level_threshold_s
    from contacts
    left join thresholds on contacts.queue_name = thresholds.queue_name
),

aggregated as (
    select
        queue_name,
        channel,
        interval_start_at,
        max(service_level_threshold_s) as service_level_threshold_s,
        sum(case when is_queued then 1 else 0 end) as contacts_queued,
        sum(case when is_handled then 1 else 0 end) as contacts_handled,
        sum(case when is_queued and is_handled then 1 else 0 end) as contacts_answered,
        sum(case when is_abandoned then 1 else 0 end) as contacts_abandoned,
        sum(case when is_abandoned and queue_duration_s < service_level_threshold_s then 1 else 0 end)
            as contacts_abandoned_in_x,
        sum(
            case
                when is_queued and is_handled and queue_duration_s < service_level_threshold_s then 1 else 0
            end
        )
            as contacts_answered_in_x,
        -- removed from the queue within X: answered, abandoned, called back or moved on, all alike
        sum(case when is_queued and queue_duration_s < service_level_threshold_s then 1 else 0 end)
            as contacts_removed_from_queue_in_x,
        sum(case when is_transferred_in then 1 else 0 end) as contacts_transferred_in,
        sum(case when is_transferred_out then 1 else 0 end) as contacts_transferred_out,
        sum(case when is_callback_requested then 1 else 0 end) as contacts_callback_requested,
        sum(case when is_queued and is_handled then queue_duration_s else 0 end) as sum_queue_answer_time_s,
        sum(case when is_handled then handle_time_s else 0 end) as sum_handle_time_s,
        sum(case when is_handled then after_contact_work_duration_s else 0 end)
            as sum_after_contact_work_time_s,
        sum(case when is_handled then customer_hold_duration_s else 0 end) as sum_customer_hold_time_s,
        sum(case when is_handled then interaction_duration_s else 0 end) as sum_interaction_time_s,
        max(case when is_queued then queue_duration_s end) as max_queued_time_s
    from measured
    group by 1, 2, 3
),

final as (
    select
        queue_name || '|' || channel || '|' || cast(interval_start_at as varchar)
            as queue_interval_id,
        queue_name,
        channel,
        interval_start_at,
        cast(interval_start_at as date) as interval_date,
        cast(15 as bigint) as interval_minutes,
        cast(service_level_threshold_s as bigint) as service_level_threshold_s,
        cast(contacts_queued as bigint) as contacts_queued,
        cast(contacts_handled as bigint) as contacts_handled,
        cast(contacts_answered as bigint) as contacts_answered,
        cast(contacts_abandoned as bigint) as contacts_abandoned,
        cast(contacts_abandoned_in_x as bigint) as contacts_abandoned_in_x,
        cast(contacts_answered_in_x as bigint) as contacts_answered_in_x,
        cast(contacts_removed_from_queue_in_x as bigint) as contacts_removed_from_queue_in_x,
        cast(contacts_transferred_in as bigint) as contacts_transferred_in,
        cast(contacts_transferred_out as bigint) as contacts_transferred_out,
        cast(contacts_callback_requested as bigint) as contacts_callback_requested,
        cast(sum_queue_answer_time_s as bigint) as sum_queue_answer_time_s,
        cast(sum_handle_time_s as bigint) as sum_handle_time_s,
        cast(sum_after_contact_work_time_s as bigint) as sum_after_contact_work_time_s,
        cast(sum_customer_hold_time_s as bigint) as sum_customer_hold_time_s,
        cast(sum_interaction_time_s as bigint) as sum_interaction_time_s,
        cast(max_queued_time_s as bigint) as max_queued_time_s,
        100
        * cast(contacts_removed_from_queue_in_x as double)
        / nullif(contacts_queued, 0) as service_level_pct,
        100 * cast(contacts_answered_in_x as double) / nullif(contacts_queued, 0) as answered_in_x_pct,
        100 * cast(contacts_abandoned as double) / nullif(contacts_queued, 0) as abandonment_rate_pct,
        cast(sum_queue_answer_time_s as double) / nullif(contacts_answered, 0) as avg_queue_answer_time_s,
        cast(sum_handle_time_s as double) / nullif(contacts_handled, 0) as avg_handle_time_s
    from aggregated
)

select * from final