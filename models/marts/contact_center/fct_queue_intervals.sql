{{ config(partitioned_by=['month(interval_date)']) }}
-- One row per queue, channel and interval (var interval_minutes) with Connect's queue metrics, for
-- standard queues and agents' own queues (QueueType AGENT: a transfer to an agent waits in that agent's
-- queue) alike, so the queues add up to the instance, as Connect counts it. Rebuilt whole each run from
-- fct_contacts, which is cheap (one aggregate over one row per contact) and leaves no way for a contact
-- that moved to another queue or interval to be counted twice.
{%- set minutes = var('interval_minutes') %}

with contacts as (
    select
        *,
        {{ connect_lake.time_bucket('coalesce(enqueued_at, initiated_at)', minutes) }} as interval_start_at
    from {{ ref('fct_contacts') }}
    where queue_arn is not null
),

queues as (
    -- each queue's name, type and X, set once in dim_queues (the seed, else var
    -- default_service_level_threshold_s)
    select
        queue_arn,
        queue_id,
        queue_name,
        queue_type,
        service_level_threshold_s
    from {{ ref('dim_queues') }}
),

-- how far each channel's numbers are final (contacts that may still be open have not landed yet)
completeness as (
    select
        channel,
        contacts_final_until_at
    from {{ ref('fct_data_completeness') }}
),

measured as (
    select
        contacts.*,
        queues.queue_id,
        queues.queue_type,
        queues.service_level_threshold_s,
        coalesce(queues.queue_name, contacts.queue_name) as reported_queue_name
    from contacts
    left join queues on contacts.queue_arn = queues.queue_arn
),

aggregated as (
    select
        queue_arn,
        channel,
        interval_start_at,
        max(queue_id) as queue_id,
        max(reported_queue_name) as queue_name,
        max(queue_type) as queue_type,
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

flagged as (
    select
        aggregated.*,
        coalesce(
            {{ dbt.dateadd('minute', minutes, 'aggregated.interval_start_at') }}
            <= completeness.contacts_final_until_at,
            false
        ) as is_complete_period
    from aggregated
    left join completeness on aggregated.channel = completeness.channel
),

final as (
    select
        {{ connect_lake.surrogate_key([
            'queue_arn',
            'channel',
            connect_lake.timestamp_key('interval_start_at')
        ]) }} as queue_interval_id,
        queue_arn,
        queue_id,
        queue_name,
        queue_type,
        channel,
        interval_start_at,
        -- timestamp(6), as the table stores it (Trino's plain timestamp is timestamp(3))
        cast(
            {{ dbt.dateadd('minute', minutes, 'interval_start_at') }}
            as {{ connect_lake.timestamp_type() }}
        ) as interval_end_at,
        cast(interval_start_at as date) as interval_date,
        cast({{ minutes }} as bigint) as interval_minutes,
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
        is_complete_period,
        100
        * cast(contacts_removed_from_queue_in_x as double)
        / nullif(contacts_queued, 0) as service_level_pct,
        100 * cast(contacts_answered_in_x as double) / nullif(contacts_queued, 0) as answered_in_x_pct,
        100 * cast(contacts_abandoned as double) / nullif(contacts_queued, 0) as abandonment_rate_pct,
        cast(sum_queue_answer_time_s as double) / nullif(contacts_answered, 0) as avg_queue_answer_time_s,
        cast(sum_handle_time_s as double) / nullif(contacts_handled, 0) as avg_handle_time_s
    from flagged
)

select * from final
