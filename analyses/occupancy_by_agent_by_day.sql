-- Daily occupancy and where each agent's logged-in time went: sum the seconds over the day's intervals, then
-- divide (Amazon Connect's AGENT_OCCUPANCY = on-contact / (on-contact + idle), not concurrency-aware).
with intervals as (
    select * from {{ ref('fct_agent_intervals') }}
),

daily as (
    select
        interval_date,
        agent_username,
        routing_profile_name,
        sum(online_time_s) as online_time_s,
        sum(agent_on_contact_time_s) as agent_on_contact_time_s,
        sum(agent_idle_time_s) as agent_idle_time_s,
        sum(non_productive_time_s) as non_productive_time_s,
        sum(contacts_handled) as contacts_handled,
        sum(agent_non_response_count) as agent_non_response_count
    from intervals
    group by 1, 2, 3
)

select
    interval_date,
    agent_username,
    routing_profile_name,
    online_time_s / 3600 as online_hours,
    contacts_handled,
    agent_non_response_count,
    100 * agent_on_contact_time_s / nullif(agent_on_contact_time_s + agent_idle_time_s, 0) as occupancy_pct,
    100 * non_productive_time_s / nullif(online_time_s, 0) as non_productive_pct
from daily
where online_time_s > 0
order by 1, 2
