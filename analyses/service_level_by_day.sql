-- Daily service level, ASA and abandonment per queue (standard and agent queues: filter queue_type for one),
-- rolling the interval measures up by summing them, then dividing (averaging the interval ratios would
-- weight a quiet quarter-hour like a busy one).
with intervals as (
    select * from {{ ref('fct_queue_intervals') }}
),

daily as (
    select
        interval_date,
        queue_type,
        queue_name,
        channel,
        sum(contacts_queued) as contacts_queued,
        sum(contacts_answered) as contacts_answered,
        sum(contacts_abandoned) as contacts_abandoned,
        sum(contacts_removed_from_queue_in_x) as contacts_removed_from_queue_in_x,
        sum(contacts_answered_in_x) as contacts_answered_in_x,
        sum(sum_queue_answer_time_s) as sum_queue_answer_time_s
    from intervals
    group by 1, 2, 3, 4
)

select
    interval_date,
    queue_type,
    queue_name,
    channel,
    contacts_queued,
    100 * cast(contacts_removed_from_queue_in_x as double) / nullif(contacts_queued, 0) as service_level_pct,
    100 * cast(contacts_answered_in_x as double) / nullif(contacts_queued, 0) as answered_in_x_pct,
    100 * cast(contacts_abandoned as double) / nullif(contacts_queued, 0) as abandonment_rate_pct,
    cast(sum_queue_answer_time_s as double) / nullif(contacts_answered, 0) as avg_queue_answer_time_s
from daily
order by 1, 2, 3, 4
