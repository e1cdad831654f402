{{
    config(
        materialized='incremental',
        unique_key='root_contact_id',
        incremental_strategy='merge',
        partitioned_by=['journey_date'],
    )
}}

with legs as (
    select * from {{ ref('fct_contacts') }}
),

initiation_methods as (
    select * from {{ ref('connect__initiation_methods') }}
),

-- journeys that began up to then have had their whole repeat window within the data (fct_data_completeness)
horizon as (
    select max(repeat_windows_final_until_at) as repeat_windows_final_until_at
    from {{ ref('fct_data_completeness') }}
),

{% if is_incremental() %}
-- A new journey can make a customer's earlier journeys repeats, so rebuild every journey of a customer
-- (or, without a customer, of a chain) with a leg that changed since the last run.
touched_roots as (
    select distinct root_contact_id
    from legs
    where {{ connect_lake.ingested_since_last_run() }}
),

touched_customers as (
    select distinct legs.customer_key
    from legs
    inner join touched_roots on legs.root_contact_id = touched_roots.root_contact_id
    where legs.leg_number = 1 and legs.customer_key is not null
),

scoped_roots as (
    select root_contact_id from touched_roots
    union
    select legs.root_contact_id
    from legs
    inner join touched_customers on legs.customer_key = touched_customers.customer_key
    where legs.leg_number = 1
    -- and the journeys whose repeat window was still open at the last run: the data may have passed it since
    union
    select root_contact_id from {{ this }}
    where not is_repeat_window_closed
),

scoped_legs as (
    select legs.*
    from legs
    inner join scoped_roots on legs.root_contact_id = scoped_roots.root_contact_id
),

{% else %}
scoped_legs as (
    select * from legs
),

{% endif %}
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
        count(*) as leg_count,
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
        cast(chain_totals.leg_count as bigint) as leg_count,
        roots.initiated_at,
        chain_totals.ended_at,
        {{ connect_lake.duration_s('roots.initiated_at', 'chain_totals.ended_at', precision='second') }}
            as total_customer_time_s,
        cast(chain_totals.total_queue_time_s as bigint) as total_queue_time_s,
        cast(chain_totals.total_handle_time_s as bigint) as total_handle_time_s,
        chain_totals.any_queued = 1 as is_queued,
        chain_totals.any_handled = 1 as is_handled,
        case
            when final_legs.is_handled then 'handled'
            when final_legs.is_abandoned then 'abandoned'
            when final_legs.relation_to_previous = 'EXTERNAL_TRANSFER' then 'transferred_external'
            when chain_totals.any_queued = 0 then 'ended_in_flow'
            else 'other'
        end as final_disposition
    from roots
    inner join chain_totals on roots.root_contact_id = chain_totals.root_contact_id
    inner join final_legs on roots.root_contact_id = final_legs.root_contact_id
),

-- a customer-initiated journey (the seed's flag) by the same customer within fcr_window_days makes this one
-- a repeat
customer_initiated as (
    select
        journeys.root_contact_id,
        journeys.customer_key,
        journeys.initiated_at
    from journeys
    inner join initiation_methods on journeys.initiation_method = initiation_methods.initiation_method
    where journeys.customer_key is not null and initiation_methods.is_customer_initiated
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
            <= {{ dbt.dateadd('day', var('fcr_window_days'), 'journeys.initiated_at') }}
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
        journeys.leg_count,
        journeys.initiated_at,
        journeys.ended_at,
        cast(journeys.initiated_at as date) as journey_date,
        journeys.total_customer_time_s,
        journeys.total_queue_time_s,
        journeys.total_handle_time_s,
        journeys.is_queued,
        journeys.is_handled,
        journeys.final_disposition,
        coalesce(repeats.later_contacts, 0) > 0 as has_repeat_contact,
        journeys.is_handled and coalesce(repeats.later_contacts, 0) = 0 as is_first_contact_resolved,
        -- a repeat can still come until fcr_window_days after the journey began: only then are the two flags
        -- above final
        coalesce(journeys.initiated_at <= horizon.repeat_windows_final_until_at, false)
            as is_repeat_window_closed,
        {{ connect_lake.ingested_at() }} as _ingested_at
    from journeys
    cross join horizon
    left join repeats on journeys.root_contact_id = repeats.root_contact_id
)

select * from final
