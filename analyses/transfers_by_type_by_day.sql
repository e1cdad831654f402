-- Daily transfers by how the contact moved on (Connect's classification of the next leg: TRANSFER,
-- QUEUE_TRANSFER, EXTERNAL_TRANSFER, CONSULT, CONFERENCE, ...), from which queue to which queue.
with legs as (
    select * from {{ ref('fct_contacts') }}
),

moves as (
    select
        cast(next_legs.initiated_at as date) as transfer_date,
        next_legs.relation_to_previous as transfer_type,
        coalesce(legs.queue_name, '(no queue)') as from_queue_name,
        coalesce(next_legs.queue_name, '(no queue)') as to_queue_name,
        next_legs.is_handled
    from legs
    inner join legs as next_legs on legs.next_contact_id = next_legs.contact_id
    where next_legs.relation_to_previous is not null
)

select
    transfer_date,
    transfer_type,
    from_queue_name,
    to_queue_name,
    count(*) as transfers,
    sum(case when is_handled then 1 else 0 end) as transfers_handled
from moves
group by 1, 2, 3, 4
order by 1 asc, 5 desc
