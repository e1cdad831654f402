-- One row per contact leg with its place in the chain, its relation to the leg before it (the
-- classification AWS publishes for contact records), and Amazon Connect's metric flags.
with legs as (
    select * from {{ ref('stg_connect__contact_records') }}
),

initiation_methods as (
    select * from {{ ref('connect__initiation_methods') }}
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
        previous_leg.after_contact_work_started_at as previous_acw_started_at,
        previous_leg.transfer_completed_at as previous_transfer_completed_at,
        previous_leg.customer_hold_duration_s as previous_customer_hold_duration_s,
        next_leg.initiation_method as next_initiation_method
    from legs
    left join neighbours as previous_leg on legs.previous_contact_id = previous_leg.contact_id
    left join neighbours as next_leg on legs.next_contact_id = next_leg.contact_id
),

with_method_flags as (
    select
        chained.*,
        -- the seed says which methods are transfers in; a method it does not know is not one
        coalesce(initiation_methods.is_transfer_in, false) as is_transferred_in
    from chained
    left join initiation_methods on chained.initiation_method = initiation_methods.initiation_method
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
    from with_method_flags
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
        row_number() over (
            partition by root_contact_id
            order by initiated_at, contact_id
        ) as leg_number,
        count(*) over (partition by root_contact_id) as chain_leg_count
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
