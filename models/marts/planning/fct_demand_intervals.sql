{{ config(partitioned_by=['month(interval_date)']) }}
-- The demand series per queue, channel and interval (var interval_minutes), complete: every interval from the
-- first day with contacts to the last, zero-filled where nothing arrived, so a forecast sees the quiet
-- intervals too. Offered contacts are the legs enqueued in the interval (abandoned included), as Connect's
-- CONTACTS_QUEUED counts them; handle and answer times are those of the interval's contacts. Standard queues.
{%- set minutes = var('interval_minutes') %}
with queue_intervals as (
    -- the queues a forecast staffs: standard queues (an agent's own queue is that agent's, not a
    -- staffing need)
    select * from {{ ref('fct_queue_intervals') }}
    where queue_type = 'STANDARD'
),

bounds as (
    select
        cast(min(interval_start_at) as date) as first_day,
        cast(max(interval_start_at) as date) as last_day
    from queue_intervals
),

hours as (
    select dim_hour.hour_start_at
    from {{ ref('dim_hour') }} as dim_hour
    inner join bounds on dim_hour.date_day between bounds.first_day and bounds.last_day
),

offsets as (
    select 0 as minute_offset
    {%- for offset in range(minutes, 60, minutes) %}
    union all
    select {{ offset }}
    {%- endfor %}
),

spine as (
    select
        cast(
            {{ dbt.dateadd('minute', 'offsets.minute_offset', 'hours.hour_start_at') }}
            as {{ connect_lake.timestamp_type() }}
        ) as interval_start_at
    from hours
    cross join offsets
),

-- the queue × channel pairs that ever had a contact queued (outbound queues have none)
series as (
    select distinct
        queue_name,
        channel
    from queue_intervals
    where contacts_queued > 0
),

filled as (
    select
        series.queue_name,
        series.channel,
        spine.interval_start_at,
        coalesce(queue_intervals.contacts_queued, 0) as contacts_offered,
        coalesce(queue_intervals.contacts_handled, 0) as contacts_handled,
        coalesce(queue_intervals.contacts_answered, 0) as contacts_answered,
        coalesce(queue_intervals.contacts_abandoned, 0) as contacts_abandoned,
        coalesce(queue_intervals.sum_handle_time_s, 0) as sum_handle_time_s,
        coalesce(queue_intervals.sum_queue_answer_time_s, 0) as sum_queue_answer_time_s
    from series
    cross join spine
    left join queue_intervals
        on
            series.queue_name = queue_intervals.queue_name
            and series.channel = queue_intervals.channel
            and spine.interval_start_at = queue_intervals.interval_start_at
),

final as (
    select
        {{ connect_lake.surrogate_key([
            'queue_name',
            'channel',
            connect_lake.timestamp_key('interval_start_at')
        ], hashed=true) }} as demand_interval_key,
        queue_name,
        channel,
        interval_start_at,
        cast(interval_start_at as date) as interval_date,
        cast({{ connect_lake.iso_day_of_week('interval_start_at') }} as bigint) as iso_day_of_week,
        cast(extract(hour from interval_start_at) * 60 + extract(minute from interval_start_at) as bigint)
            as minute_of_day,
        cast(contacts_offered as bigint) as contacts_offered,
        cast(contacts_handled as bigint) as contacts_handled,
        cast(contacts_answered as bigint) as contacts_answered,
        cast(contacts_abandoned as bigint) as contacts_abandoned,
        cast(sum_handle_time_s as double) as sum_handle_time_s,
        cast(sum_handle_time_s as double) / nullif(contacts_handled, 0) as avg_handle_time_s,
        cast(sum_queue_answer_time_s as double) as sum_queue_answer_time_s,
        cast(sum_queue_answer_time_s as double) / nullif(contacts_answered, 0) as avg_queue_answer_time_s
    from filled
)

select * from final
