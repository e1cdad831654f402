
  
    create table
    "iceberg"."connect_lake_marts"."fct_contact_journeys__dbt_tmp"
    
  (
    root_contact_id varchar,
    customer_key varchar,
    channel varchar,
    initiation_method varchar,
    first_queue_name varchar,
    final_queue_name varchar,
    final_agent_username varchar,
    legs bigint,
    initiated_at timestamp,
    ended_at timestamp,
    journey_date date,
    total_customer_time_s bigint,
    total_queue_time_s bigint,
    total_handle_time_s bigint,
    was_queued boolean,
    was_handled boolean,
    final_disposition varchar,
    has_repeat_contact boolean,
    is_first_contact_resolved boolean,
    _ingested_at timestamp
    
    )

    
    comment 'One row per customer journey (root contact): how many legs, how long, how it ended, and whether the same customer came back within fcr_window_days (the basis of first-contact resolution). Incremental by customer.
'
    
    with (
        format = 'PARQUET',
        partitioning = array['journey_date']
    )
  ;

  insert into "iceberg"."connect_lake_marts"."fct_contact_journeys__dbt_tmp"
    (
      
    select root_contact_id, customer_key, channel, initiation_method, first_queue_name, final_queue_name, final_agent_username, legs, initiated_at, ended_at, journey_date, total_customer_time_s, total_queue_time_s, total_handle_time_s, was_queued, was_handled, final_disposition, has_repeat_contact, is_first_contact_resolved, _ingested_at
    from (
        

with legs as (
    select * from "iceberg"."connect_lake_marts"."fct_contacts"
),


scoped_legs as (
    select * from legs
),


roots as (
    select
        contact_id as root_contact_id,
        customer_key,
        channel,
        initiation_method,
        initiated_at,
        queue_name as first_queue_name
    from scoped_legs
    where leg_number = 1
),

-- the leg the customer was last on: consults and conferences do not take the customer away
customer_legs as (
    select
        *,
        row_number() over (partition by root_contact_id order by leg_number desc) as recency
    from scoped_legs
    where
        coalesce(relation_to_previous, 'NONE')
        not in ('CONSULT', 'CONFERENCE', 'EXTERNAL_CONSULT', 'EXTERNAL_CONFERENCE')
),

final_legs as (
    select * from customer_legs
    where recency = 1
),

chain_totals as (
    select
        root_contact_id,
        count(*) as legs,
        max(disconnected_at) as ended_at,
        max(case when is_queued then 1 else 0 end) as any_queued,
        max(case when is_handled then 1 else 0 end) as any_handled,
        sum(coalesce(handle_time_s, 0)) as total_handle_time_s,
        sum(coalesce(queue_duration_s, 0)) as total_queue_time_s
    from scoped_legs
    group by 1
),

journeys as (
    select
        roots.root_contact_id,
        roots.customer_key,
        roots.channel,
        roots.initiation_method,
        roots.first_queue_name,
        final_legs.queue_name as final_queue_name,
        final_legs.agent_username as final_agent_username,
        cast(chain_totals.legs as bigint) as legs,
        roots.initiated_at,
        chain_totals.ended_at,
        cast(floor(to_unixtime(chain_totals.ended_at) - to_unixtime(roots.initiated_at)) as bigint)
            as total_customer_time_s,
        cast(chain_totals.total_queue_time_s as bigint) as total_queue_time_s,
        cast(chain_totals.total_handle_time_s as bigint) as total_handle_time_s,
        chain_totals.any_queued = 1 as was_queued,
        chain_totals.any_handled = 1 as was_handled,
        case
            when final_legs.is_handled then 'HANDLED'
            when final_legs.is_abandoned then 'ABANDONED'
            when final_legs.relation_to_previous = 'EXTERNAL_TRANSFER' then 'TRANSFERRED_EXTERNAL'
            when chain_totals.any_queued = 0 then 'ENDED_IN_FLOW'
            else 'OTHER'
        end as final_disposition
    from roots
    inner join chain_totals on roots.root_contact_id = chain_totals.root_contact_id
    inner join final_legs on roots.root_contact_id = final_legs.root_contact_id
),

-- a customer-initiated journey by the same customer within fcr_window_days makes this one a repeat
customer_initiated as (
    select
        root_contact_id,
        customer_key,
        initiated_at
    from journeys
    where customer_key is not null and initiation_method in ('INBOUND', 'API')
),

repeats as (
    select
        journeys.root_contact_id,
        count(later.root_contact_id) as later_contacts
    from journeys
    inner join customer_initiated as later
        on
            journeys.customer_key = later.customer_key
            and journeys.root_contact_id <> later.root_contact_id
            and journeys.initiated_at < later.initiated_at
            and later.initiated_at
            <= date_add('day', 7, journeys.initiated_at)
    group by 1
),

final as (
    select
        journeys.root_contact_id,
        journeys.customer_key,
        journeys.channel,
        journeys.initiation_method,
        journeys.first_queue_name,
        journeys.final_queue_name,
        journeys.final_agent_username,
        journeys.legs,
        journeys.initiated_at,
        journeys.ended_at,
        cast(journeys.initiated_at as date) as journey_date,
        journeys.total_customer_time_s,
        journeys.total_queue_time_s,
        journeys.total_handle_time_s,
        journeys.was_queued,
        journeys.was_handled,
        journeys.final_disposition,
        coalesce(repeats.later_contacts, 0) > 0 as has_repeat_contact,
        journeys.was_handled and coalesce(repeats.later_contacts, 0) = 0 as is_first_contact_resolved,
        cast('2026-12-02 03:54:05.883060' as timestamp(6)) as _ingested_at
    from journeys
    left join repeats on journeys.root_contact_id = repeats.root_contact_id
)

select * from final
    ) as model_subq
    )
  ;

  