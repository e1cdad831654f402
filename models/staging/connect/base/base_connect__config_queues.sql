-- Every line of every queue snapshot object ever landed, read once (each run reads only the objects this
-- table does not hold yet). A record that passes the record rules is typed here; a line or object that cannot
-- be used keeps its reason for stg_connect__quarantine. stg_connect__config_queues keeps one copy per queue
-- and snapshot.
with landed as (
    -- the lines are numbered by a window frame without order by, which DuckDB streams and sqlfluff cannot
    -- parse: hence the noqa
    {{ connect_lake.landed_records('config_queues', source('connect', 'config_queues')) }}  -- noqa
),

typed as (
    select
        {{ connect_lake.landed_columns() }},

        {{ connect_lake.surrogate_key(['record_key', 'payload.snapshottime']) }}
            as queue_snapshot_key,
        record_key as queue_id,
        payload.queuearn as queue_arn,
        payload.name as queue_name,
        payload.description as queue_description,
        payload.hoursofoperationid as hours_of_operation_id,
        cast(payload.maxcontacts as integer) as max_contacts,
        payload.status as queue_status,
        payload.outboundcallerconfig.outboundcalleridname as outbound_caller_id_name,
        payload.outboundcallerconfig.outboundcalleridnumberid as outbound_caller_id_number_id,
        payload.outboundcallerconfig.outboundflowid as outbound_whisper_flow_id,
        {{ connect_lake.try_parse_iso8601_ts('payload.snapshottime') }} as snapshot_at
    from landed
)

select * from typed
