{{ config(partitioned_by=['month(as_of_date)']) }}
-- Customer features for churn and repeat-contact models, leak-free: one row per customer and as-of day (each
-- day the customer contacted the centre: the moment a model would score them), every feature computed only
-- from journeys that began before that day (UTC), never from the day itself or later. A journey is a chain
-- of legs (fct_contact_journeys); counts look back 7, 30 and 90 days.
{%- set windows = [7, 30, 90] %}
{%- set channels = ['voice', 'chat', 'task'] %}
with journeys as (
    select
        root_contact_id,
        customer_key,
        channel,
        initiated_at,
        journey_date,
        final_disposition
    from {{ ref('fct_contact_journeys') }}
    where customer_key is not null
),

leg_counts as (
    select
        root_contact_id,
        sum(case when is_abandoned then 1 else 0 end) as abandoned_legs,
        sum(case when is_transferred_out then 1 else 0 end) as transfers,
        sum(case when is_callback_requested then 1 else 0 end) as callback_requests
    from {{ ref('fct_contacts') }}
    group by 1
),

sentiment as (
    select
        root_contact_id,
        avg(customer_sentiment_overall) as customer_sentiment
    from {{ ref('fct_contact_analysis') }}
    where root_contact_id is not null
    group by 1
),

-- a journey is a repeat when the same customer's previous journey began within var fcr_window_days before it
enriched as (
    select
        journeys.*,
        coalesce(leg_counts.abandoned_legs, 0) as abandoned_legs,
        coalesce(leg_counts.transfers, 0) as transfers,
        coalesce(leg_counts.callback_requests, 0) as callback_requests,
        sentiment.customer_sentiment,
        coalesce(
            lag(journeys.initiated_at) over (
                partition by journeys.customer_key order by journeys.initiated_at, journeys.root_contact_id
            ) >= {{ dbt.dateadd('day', -var('fcr_window_days'), 'journeys.initiated_at') }},
            false
        ) as is_repeat_contact
    from journeys
    left join leg_counts on journeys.root_contact_id = leg_counts.root_contact_id
    left join sentiment on journeys.root_contact_id = sentiment.root_contact_id
),

as_of_days as (
    select distinct
        customer_key,
        journey_date as as_of_date
    from journeys
),

prior_journeys as (
    select
        as_of_days.customer_key,
        as_of_days.as_of_date,
        enriched.root_contact_id,
        enriched.channel,
        enriched.initiated_at,
        enriched.final_disposition,
        enriched.abandoned_legs,
        enriched.transfers,
        enriched.callback_requests,
        enriched.customer_sentiment,
        enriched.is_repeat_contact,
        {{ dbt.datediff('enriched.journey_date', 'as_of_days.as_of_date', 'day') }}
            as days_before,
        row_number() over (
            partition by as_of_days.customer_key, as_of_days.as_of_date
            order by enriched.initiated_at desc, enriched.root_contact_id desc
        ) as recency
    from as_of_days
    inner join enriched
        on
            as_of_days.customer_key = enriched.customer_key
            and as_of_days.as_of_date > enriched.journey_date
            and {{ dbt.dateadd('day', -90, 'as_of_days.as_of_date') }} <= enriched.journey_date
),

aggregated as (
    select
        customer_key,
        as_of_date,
        {%- for days in windows %}
        sum(case when days_before <= {{ days }} then 1 else 0 end) as contacts_{{ days }}d,
        {%- for channel in channels %}
        sum(case when days_before <= {{ days }} and channel = '{{ channel | upper }}' then 1 else 0 end)
            as {{ channel }}_contacts_{{ days }}d,
        {%- endfor %}
        {%- endfor %}
        sum(case when is_repeat_contact then 1 else 0 end) as repeat_contacts_90d,
        sum(abandoned_legs) as abandoned_contacts_90d,
        sum(transfers) as transfers_90d,
        sum(callback_requests) as callback_requests_90d,
        avg(customer_sentiment) as avg_customer_sentiment_90d
    from prior_journeys
    group by 1, 2
),

last_journeys as (
    select
        customer_key,
        as_of_date,
        days_before as days_since_last_contact,
        channel as last_contact_channel,
        final_disposition as last_contact_disposition,
        customer_sentiment as last_contact_sentiment
    from prior_journeys
    where recency = 1
),

final as (
    select
        {{ connect_lake.surrogate_key(['as_of_days.customer_key', 'as_of_days.as_of_date'], hashed=true) }}
            as customer_feature_key,
        as_of_days.customer_key,
        as_of_days.as_of_date,
        cast(as_of_days.as_of_date as {{ connect_lake.timestamp_type() }}) as as_of_at,
        {%- for days in windows %}
        cast(coalesce(aggregated.contacts_{{ days }}d, 0) as bigint) as contacts_{{ days }}d,
        {%- for channel in channels %}
        cast(coalesce(aggregated.{{ channel }}_contacts_{{ days }}d, 0) as bigint)
            as {{ channel }}_contacts_{{ days }}d,
        {%- endfor %}
        {%- endfor %}
        cast(aggregated.repeat_contacts_90d as double) / nullif(aggregated.contacts_90d, 0)
            as repeat_contact_rate_90d,
        cast(coalesce(aggregated.abandoned_contacts_90d, 0) as bigint) as abandoned_contacts_90d,
        cast(coalesce(aggregated.transfers_90d, 0) as bigint) as transfers_90d,
        cast(coalesce(aggregated.callback_requests_90d, 0) as bigint) as callback_requests_90d,
        cast(aggregated.avg_customer_sentiment_90d as double) as avg_customer_sentiment_90d,
        cast(last_journeys.last_contact_sentiment as double) as last_contact_sentiment,
        last_journeys.last_contact_disposition,
        last_journeys.last_contact_channel,
        cast(last_journeys.days_since_last_contact as bigint) as days_since_last_contact
    from as_of_days
    left join aggregated
        on as_of_days.customer_key = aggregated.customer_key and as_of_days.as_of_date = aggregated.as_of_date
    left join last_journeys
        on
            as_of_days.customer_key = last_journeys.customer_key
            and as_of_days.as_of_date = last_journeys.as_of_date
)

select * from final
