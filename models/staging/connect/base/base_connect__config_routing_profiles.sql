-- Every line of every routing profile snapshot object ever landed, read once (each run reads only the objects
-- this table does not hold yet). A record that passes the record rules is typed here; a line or object that
-- cannot be used keeps its reason for stg_connect__quarantine. stg_connect__config_routing_profiles keeps one
-- copy per routing profile and snapshot.
with landed as (
    -- the lines are numbered by a window frame without order by, which DuckDB streams and sqlfluff cannot
    -- parse: hence the noqa
    {{ connect_lake.landed_records('config_routing_profiles', source('connect', 'config_routing_profiles')) }}  -- noqa
),

typed as (
    select
        {{ connect_lake.landed_columns() }},

        {{ connect_lake.surrogate_key(['record_key', 'payload.snapshottime']) }}
            as routing_profile_snapshot_key,
        record_key as routing_profile_id,
        payload.routingprofilearn as routing_profile_arn,
        payload.name as routing_profile_name,
        payload.description as routing_profile_description,
        payload.defaultoutboundqueueid as default_outbound_queue_id,
        payload.mediaconcurrencies as media_concurrencies,
        payload.queueconfigs as queue_configs,
        {{ connect_lake.try_parse_iso8601_ts('payload.snapshottime') }} as snapshot_at
    from landed
)

select * from typed
