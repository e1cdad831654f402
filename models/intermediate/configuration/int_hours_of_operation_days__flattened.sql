-- One row per hours of operation × day of the week per daily configuration snapshot: the opening and closing
-- minute of the day that day (a day missing from the configuration is closed).
with hours_snapshots as (
    select * from {{ ref('stg_connect__config_hours_of_operation') }}
),

flattened as (
    select
        hours_snapshots.hours_of_operation_id,
        hours_snapshots.hours_of_operation_arn,
        hours_snapshots.hours_of_operation_name,
        hours_snapshots.time_zone,
        day_config.day_of_week,
        cast(day_config.start_time.hours * 60 + day_config.start_time.minutes as bigint) as opens_at_minute,
        cast(day_config.end_time.hours * 60 + day_config.end_time.minutes as bigint) as closes_at_minute,
        hours_snapshots.snapshot_at
    from hours_snapshots
    {{ connect_lake.unnest_rows(
        'hours_snapshots.day_configs', 'day_config', ['day_of_week', 'start_time', 'end_time']
    ) }}
)

select * from flattened
