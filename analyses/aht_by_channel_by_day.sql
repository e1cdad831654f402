-- Daily average handle time and its parts per channel: sum the handle-time parts of the contacts handled,
-- then divide by the contacts handled (Amazon Connect's AVG_HANDLE_TIME and AVG_AFTER_CONTACT_WORK_TIME).
with intervals as (
    select * from {{ ref('fct_queue_intervals') }}
),

daily as (
    select
        interval_date,
        channel,
        sum(contacts_handled) as contacts_handled,
        sum(sum_handle_time_s) as sum_handle_time_s,
        sum(sum_interaction_time_s) as sum_interaction_time_s,
        sum(sum_customer_hold_time_s) as sum_customer_hold_time_s,
        sum(sum_after_contact_work_time_s) as sum_after_contact_work_time_s
    from intervals
    group by 1, 2
)

select
    interval_date,
    channel,
    contacts_handled,
    cast(sum_handle_time_s as double) / nullif(contacts_handled, 0) as avg_handle_time_s,
    cast(sum_interaction_time_s as double) / nullif(contacts_handled, 0) as avg_interaction_time_s,
    cast(sum_customer_hold_time_s as double) / nullif(contacts_handled, 0) as avg_hold_time_all_contacts_s,
    cast(sum_after_contact_work_time_s as double)
    / nullif(contacts_handled, 0) as avg_after_contact_work_time_s
from daily
order by 1, 2
