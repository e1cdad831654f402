{#-
    The baseline demand forecast, as CTEs (the last one named `name`): for each queue × channel × interval of
    the `horizon_days` days after the anchor day, the weighted average of the same weekday and interval over the
    last complete weeks up to the anchor (at most var forecast_history_weeks; the latest week weighs most:
    weights W, W-1, ..., 1), scaled by a recent-level factor: the last week's total over the weighted average
    weekly total, kept within [0.8, 1.25] and 1 with fewer than two weeks. With less than one complete week of
    history it falls back to the average of the same interval over the days there are (daily profile).
    `anchor` is a one-row CTE with anchor_date (the last day of history) and first_day (the first day of the
    series); `demand` has fct_demand_intervals' columns; `horizon_days` a number or a column of `anchor`.
-#}
{% macro seasonal_forecast(name, demand, anchor, horizon_days) -%}
{%- set weeks = var('forecast_history_weeks') -%}
{{ name }}__window as (
    select
        anchor_date,
        {{ horizon_days }} as horizon_days,
        cast(
            least({{ weeks }}, floor(({{ dbt.datediff('first_day', 'anchor_date', 'day') }} + 1) / 7)) as bigint
        ) as history_weeks
    from {{ anchor }}
),

{{ name }}__days as (
    select
        demand.queue_name,
        demand.channel,
        demand.interval_date,
        demand.iso_day_of_week,
        demand.minute_of_day,
        demand.contacts_offered,
        demand.contacts_handled,
        demand.sum_handle_time_s,
        history.history_weeks,
        cast(floor({{ dbt.datediff('demand.interval_date', 'history.anchor_date', 'day') }} / 7) as bigint) + 1
            as weeks_back
    from {{ demand }} as demand
    cross join {{ name }}__window as history
    where
        demand.interval_date <= history.anchor_date
        and demand.interval_date > {{ dbt.dateadd('day', -7 * weeks, 'history.anchor_date') }}
),

{{ name }}__seasonal as (
    select
        queue_name,
        channel,
        iso_day_of_week,
        minute_of_day,
        sum((history_weeks + 1 - weeks_back) * contacts_offered) / sum(history_weeks + 1 - weeks_back)
            as seasonal_offered
    from {{ name }}__days
    where weeks_back <= history_weeks
    group by 1, 2, 3, 4
),

{{ name }}__daily as (
    select
        queue_name,
        channel,
        minute_of_day,
        avg(cast(contacts_offered as double)) as daily_offered
    from {{ name }}__days
    group by 1, 2, 3
),

{{ name }}__weekly as (
    select
        queue_name,
        channel,
        weeks_back,
        history_weeks,
        sum(contacts_offered) as week_offered
    from {{ name }}__days
    where weeks_back <= history_weeks
    group by 1, 2, 3, 4
),

{{ name }}__level as (
    select
        queue_name,
        channel,
        case
            when max(history_weeks) >= 2 and sum((history_weeks + 1 - weeks_back) * week_offered) > 0
                then least(1.25, greatest(0.8,
                    max(case when weeks_back = 1 then week_offered end)
                    / (cast(sum((history_weeks + 1 - weeks_back) * week_offered) as double)
                        / sum(history_weeks + 1 - weeks_back))
                ))
            else 1.0
        end as level_factor
    from {{ name }}__weekly
    group by 1, 2
),

{{ name }}__handling as (
    select
        queue_name,
        channel,
        sum(sum_handle_time_s) / nullif(sum(contacts_handled), 0) as avg_handle_time_s
    from {{ name }}__days
    group by 1, 2
),

{{ name }}__series as (
    select distinct
        queue_name,
        channel,
        minute_of_day
    from {{ name }}__days
),

{{ name }}__targets as (
    select
        dim_date.date_day as forecast_date,
        dim_date.iso_day_of_week,
        history.anchor_date,
        history.history_weeks
    from {{ ref('dim_date') }} as dim_date
    cross join {{ name }}__window as history
    where
        dim_date.date_day > history.anchor_date
        and dim_date.date_day <= {{ dbt.dateadd('day', 'history.horizon_days', 'history.anchor_date') }}
),

{{ name }} as (
    select
        series.queue_name,
        series.channel,
        cast(
            {{ dbt.dateadd(
                'minute', 'series.minute_of_day', 'cast(targets.forecast_date as ' ~ connect_lake.timestamp_type() ~ ')'
            ) }} as {{ connect_lake.timestamp_type() }}
        ) as interval_start_at,
        targets.forecast_date,
        targets.iso_day_of_week,
        series.minute_of_day,
        cast(
            coalesce(seasonal.seasonal_offered, daily.daily_offered) * coalesce(level.level_factor, 1.0) as double
        ) as forecast_contacts_offered,
        cast(handling.avg_handle_time_s as double) as forecast_avg_handle_time_s,
        cast(coalesce(level.level_factor, 1.0) as double) as level_factor,
        case when seasonal.seasonal_offered is not null then 'weekday_seasonal' else 'daily_profile' end
            as forecast_method,
        targets.anchor_date as history_end_date,
        targets.history_weeks
    from {{ name }}__series as series
    cross join {{ name }}__targets as targets
    left join {{ name }}__seasonal as seasonal
        on
            series.queue_name = seasonal.queue_name
            and series.channel = seasonal.channel
            and series.minute_of_day = seasonal.minute_of_day
            and targets.iso_day_of_week = seasonal.iso_day_of_week
    left join {{ name }}__daily as daily
        on
            series.queue_name = daily.queue_name
            and series.channel = daily.channel
            and series.minute_of_day = daily.minute_of_day
    left join {{ name }}__level as level
        on series.queue_name = level.queue_name and series.channel = level.channel
    left join {{ name }}__handling as handling
        on series.queue_name = handling.queue_name and series.channel = handling.channel
)
{%- endmacro %}


{#- the last complete day of the demand series: the day before the one its last interval ends in -#}
{% macro demand_history_end(demand) -%}
    select
        min(interval_date) as first_day,
        cast({{ dbt.dateadd(
            'day', -1,
            'cast(' ~ dbt.dateadd('minute', var('interval_minutes'), 'max(interval_start_at)') ~ ' as date)'
        ) }} as date) as anchor_date
    from {{ demand }}
{%- endmacro %}
