-- How good the baseline forecast is, per queue and channel: the method of fct_demand_forecast run as if the
-- last complete week had not happened yet (its history ends seven days before), compared with what that
-- week brought; a series shorter than two weeks holds out its last half instead (whole days: 1 of 3 days).
-- WAPE = sum of |forecast - actual| / sum of actual; bias = sum of (forecast - actual) / sum of actual
-- (positive: over-forecast).
{%- set series_days = dbt.datediff('first_day', 'anchor_date', 'day') %}
with demand as (
    select * from {{ ref('fct_demand_intervals') }}
),

series_end as (
    {{ connect_lake.demand_history_end('demand') }}
),

held_out as (
    select
        first_day,
        anchor_date as series_end_date,
        cast(least(7, floor(({{ series_days }} + 1) / 2)) as bigint) as held_out_days
    from series_end
    where {{ series_days }} >= 1
),

anchor as (
    select
        first_day,
        held_out_days,
        cast({{ dbt.dateadd('day', '-held_out_days', 'series_end_date') }} as date) as anchor_date
    from held_out
),

{{ connect_lake.seasonal_forecast('backtest', 'demand', 'anchor', 'held_out_days') }},

compared as (
    select
        backtest.queue_name,
        backtest.channel,
        backtest.forecast_method,
        backtest.history_weeks,
        backtest.history_end_date,
        held_out.series_end_date as held_out_end_date,
        backtest.forecast_contacts_offered,
        demand.contacts_offered
    from backtest
    cross join held_out
    inner join demand
        on
            backtest.queue_name = demand.queue_name
            and backtest.channel = demand.channel
            and backtest.interval_start_at = demand.interval_start_at
),

final as (
    select
        {{ connect_lake.surrogate_key(['queue_name', 'channel'], hashed=true) }} as forecast_accuracy_key,
        queue_name,
        channel,
        cast({{ dbt.dateadd('day', 1, 'max(history_end_date)') }} as date) as held_out_start_date,
        max(held_out_end_date) as held_out_end_date,
        max(history_weeks) as history_weeks,
        max(forecast_method) as forecast_method,
        cast(count(*) as bigint) as interval_count,
        cast(sum(contacts_offered) as bigint) as actual_contacts_offered,
        sum(forecast_contacts_offered) as forecast_contacts_offered,
        sum(abs(forecast_contacts_offered - contacts_offered)) as absolute_error,
        100.0 * sum(abs(forecast_contacts_offered - contacts_offered)) / nullif(sum(contacts_offered), 0)
            as wape_pct,
        100.0 * sum(forecast_contacts_offered - contacts_offered) / nullif(sum(contacts_offered), 0)
            as bias_pct
    from compared
    group by 2, 3
)

select * from final
