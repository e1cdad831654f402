-- One row per hour of dim_date's days: the semantic layer's hourly time spine, so a metric can be asked for
-- by metric_time__hour (intraday service level) on every engine.
with days as (
    select date_day from {{ ref('dim_date') }}
),

hours as (
    select 0 as hour_of_day
    {% for hour in range(1, 24) %}
    union all
    select {{ hour }}
    {% endfor %}
),

{% set day_start = 'cast(days.date_day as ' ~ connect_lake.timestamp_type() ~ ')' %}
final as (
    select
        cast(
            {{ dbt.dateadd('hour', 'hours.hour_of_day', day_start) }} as {{ connect_lake.timestamp_type() }}
        ) as hour_start_at,
        days.date_day,
        cast(hours.hour_of_day as bigint) as hour_of_day
    from days
    cross join hours
)

select * from final
