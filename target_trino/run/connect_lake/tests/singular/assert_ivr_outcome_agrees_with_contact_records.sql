
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  -- Flow logs and contact records tell how a leg left the IVR independently; they must agree for every leg
-- whose contact record has landed: a leg that reached a queue in the flows was queued in its record, a leg
-- the flow disconnected ended by CONTACT_FLOW_DISCONNECT without a queue, and a leg dropped in the flows
-- was disconnected by the customer without a queue.
-- warn, not error: a late flow-log or contact-record object can make a leg disagree for a while


with journeys as (
    select * from "iceberg"."connect_lake_marts"."fct_ivr_journeys"
),

contacts as (
    select * from "iceberg"."connect_lake_marts"."fct_contacts"
)

select
    journeys.contact_id,
    journeys.ivr_outcome,
    contacts.is_queued,
    contacts.disconnect_reason
from journeys
inner join contacts on journeys.contact_id = contacts.contact_id
where
    (journeys.reached_queue and not contacts.is_queued)
    or (
        journeys.is_ended_in_flow
        and (contacts.is_queued or contacts.disconnect_reason <> 'CONTACT_FLOW_DISCONNECT')
    )
    or (
        journeys.is_dropped_in_flow
        and (contacts.is_queued or contacts.disconnect_reason <> 'CUSTOMER_DISCONNECT')
    )
  
  
      
    ) dbt_internal_test