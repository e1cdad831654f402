-- Every line of every hours of operation snapshot object ever landed, read once (each run reads only the
-- objects this table does not hold yet). A record that passes the record rules is typed here; a line or
-- object that cannot be used keeps its reason for stg_connect__quarantine.
-- stg_connect__config_hours_of_operation keeps one copy per hours of operation and snapshot.
with landed as (
    -- the lines are numbered by a window frame without order by, which DuckDB streams and sqlfluff cannot
    -- parse: hence the noqa
    {{ connect_lake.landed_records('config_hours_of_operation', source('connect', 'config_hours_of_operation')) }}  -- noqa
),

typed as (
    select
        {{ connect_lake.landed_columns() }},

        {{ connect_lake.surrogate_key(['record_key', 'payload.snapshottime']) }}
            as hours_of_operation_snapshot_key,
        record_key as hours_of_operation_id,
        payload.hoursofoperationarn as hours_of_operation_arn,
        payload.name as hours_of_operation_name,
        payload.description as hours_of_operation_description,
        payload.timezone as time_zone,
        payload.config as day_configs,
        {{ connect_lake.try_parse_iso8601_ts('payload.snapshottime') }} as snapshot_at
    from landed
)

select * from typed
