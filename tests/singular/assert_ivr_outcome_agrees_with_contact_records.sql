-- Flow logs and contact records tell how a leg left the IVR independently; they must agree for every leg
-- whose contact record has landed: a leg that reached a queue in the flows was queued in its record, a leg
-- the flow disconnected ended by CONTACT_FLOW_DISCONNECT without a queue, and a leg dropped in the flows
-- was disconnected by the customer without a queue.
-- warn, not error: a late flow-log or contact-record object can make a leg disagree for a while
{{ config(severity='warn') }}

with paths as (
    select * from {{ ref('fct_ivr_paths') }}
),

contacts as (
    select * from {{ ref('fct_contacts') }}
)

select
    paths.contact_id,
    paths.ivr_outcome,
    contacts.is_queued,
    contacts.disconnect_reason
from paths
inner join contacts on paths.contact_id = contacts.contact_id
where
    (paths.has_reached_queue and not contacts.is_queued)
    or (
        paths.is_ended_in_flow
        and (contacts.is_queued or contacts.disconnect_reason <> 'CONTACT_FLOW_DISCONNECT')
    )
    or (
        paths.is_dropped_in_flow
        and (contacts.is_queued or contacts.disconnect_reason <> 'CUSTOMER_DISCONNECT')
    )
