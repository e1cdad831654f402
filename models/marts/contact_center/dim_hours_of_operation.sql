-- The hours of operation queues follow, one row per hours of operation, day of the week and version: when it
-- opens and closes that day in its time zone, as a type-2 history from the daily configuration snapshots. A
-- day missing from an hours of operation is closed all day (no row).
with days as (
    select * from {{ ref('int_hours_of_operation_days__flattened') }}
),

{{ connect_lake.configuration_versions(
    'versions', 'days', ['hours_of_operation_id', 'day_of_week'],
    ['hours_of_operation_arn', 'hours_of_operation_name', 'time_zone', 'opens_at_minute', 'closes_at_minute']
) }},

final as (
    select
        {{ connect_lake.surrogate_key([
            'hours_of_operation_id',
            'day_of_week',
            connect_lake.timestamp_key('valid_from_at')
        ], hashed=true) }} as hours_of_operation_day_key,
        hours_of_operation_id,
        hours_of_operation_arn,
        hours_of_operation_name,
        time_zone,
        day_of_week,
        cast(case day_of_week
            when 'MONDAY' then 1
            when 'TUESDAY' then 2
            when 'WEDNESDAY' then 3
            when 'THURSDAY' then 4
            when 'FRIDAY' then 5
            when 'SATURDAY' then 6
            when 'SUNDAY' then 7
        end as bigint) as iso_day_of_week,
        {{ connect_lake.minute_of_day_text('opens_at_minute') }} as opens_at_time,
        {{ connect_lake.minute_of_day_text('closes_at_minute') }} as closes_at_time,
        -- closing at or before the opening time means closing after midnight
        case
            when closes_at_minute > opens_at_minute then closes_at_minute - opens_at_minute
            else closes_at_minute + 1440 - opens_at_minute
        end as open_minutes,
        version_number,
        valid_from_at,
        valid_to_at,
        is_current_version,
        last_snapshot_at
    from versions
)

select * from final
