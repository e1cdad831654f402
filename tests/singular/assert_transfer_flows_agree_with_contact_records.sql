-- A quick-connect transfer and a Transfer to queue run the new leg through a transfer flow, so a leg that
-- starts in an agent or queue transfer flow is exactly a leg whose contact record says it was created by a
-- transfer (TRANSFER or QUEUE_TRANSFER; consults and conferences run no transfer flow). Checked both ways,
-- over legs whose contact record has landed.
-- warn, not error: a late flow-log or contact-record object can make a leg disagree for a while
{{ config(severity='warn') }}

with journeys as (
    select * from {{ ref('fct_ivr_paths') }}
),

contacts as (
    select * from {{ ref('fct_contacts') }}
),

transfer_flow_legs as (
    select contact_id
    from journeys
    where is_transfer_flow_entry and has_contact_record
),

transferred_legs as (
    select contact_id
    from contacts
    where relation_to_previous in ('TRANSFER', 'QUEUE_TRANSFER')
)

select
    coalesce(transfer_flow_legs.contact_id, transferred_legs.contact_id) as contact_id,
    transfer_flow_legs.contact_id is not null as has_transfer_flow,
    transferred_legs.contact_id is not null as is_transfer_in_contact_record
from transfer_flow_legs
full outer join transferred_legs on transfer_flow_legs.contact_id = transferred_legs.contact_id
where transfer_flow_legs.contact_id is null or transferred_legs.contact_id is null
