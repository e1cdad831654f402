-- Connect's handle time is interaction + customer hold + after-contact work + task pause, for every
-- handled leg, and nothing for a leg no agent handled.
select contact_id
from "iceberg"."connect_lake_marts"."fct_contacts"
where
    (
        is_handled
        and handle_time_s
        <> interaction_duration_s
        + customer_hold_duration_s
        + after_contact_work_duration_s
        + agent_pause_duration_s
    )
    or (not is_handled and handle_time_s is not null)