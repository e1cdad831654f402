{{ config(partitioned_by=['month(forecast_date)']) }}
-- The baseline demand forecast for the var forecast_horizon_days days after the last complete day of the
-- demand series: per queue, channel and interval, the contacts offered (same weekday and interval over the
-- last weeks, latest weighted most, times a recent-level factor; macro seasonal_forecast) and the average
-- handle time the staffing requirement needs. fct_forecast_accuracy measures the same method on the last
-- week held out.
with demand as (
    select * from {{ ref('fct_demand_intervals') }}
),

anchor as (
    {{ connect_lake.demand_history_end('demand') }}
),

{{ connect_lake.seasonal_forecast('forecast', 'demand', 'anchor', var('forecast_horizon_days')) }},

final as (
    select
        {{ connect_lake.surrogate_key([
            'queue_name',
            'channel',
            connect_lake.timestamp_key('interval_start_at')
        ], hashed=true) }} as demand_forecast_key,
        queue_name,
        channel,
        interval_start_at,
        forecast_date,
        iso_day_of_week,
        minute_of_day,
        forecast_contacts_offered,
        forecast_avg_handle_time_s,
        level_factor,
        forecast_method,
        history_end_date,
        history_weeks
    from forecast
)

select * from final
