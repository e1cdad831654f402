-- Every line of every CloudWatch metric-stream object ever landed, read once (each run reads only the objects
-- this table does not hold yet). A datapoint that passes the record rules is typed here, one row per metric,
-- dimensions and minute as the stream sent it (duplicates included); a line or object that cannot be used
-- keeps its reason for stg_connect__quarantine. stg_connect__instance_metrics keeps one copy per datapoint.
with landed as (
    -- the lines are numbered by a window frame without order by, which DuckDB streams and sqlfluff cannot
    -- parse: hence the noqa
    {{ connect_lake.landed_records('cloudwatch_metrics', source('connect', 'cloudwatch_metrics')) }}  -- noqa
),

typed as (
    select
        {{ connect_lake.landed_columns() }},

        payload.metric_stream_name as metric_stream_name,
        payload.account_id as aws_account_id,
        payload.region as aws_region,
        payload.namespace as metric_namespace,
        record_key as metric_name,
        payload.dimensions.instanceid as instance_id,
        payload.dimensions.metricgroup as metric_group,
        payload.dimensions.queuename as queue_name,
        payload.dimensions.contactflowname as contact_flow_name,
        {{ connect_lake.timestamp_from_epoch_ms('try_cast(payload.timestamp as bigint)') }} as minute_at,
        try_cast(payload.value.max as double) as maximum_value,
        try_cast(payload.value.min as double) as minimum_value,
        try_cast(payload.value.sum as double) as sum_value,
        -- a count of samples: whole, though the stream writes it as a double
        cast(try_cast(payload.value.count as double) as bigint) as sample_count,
        payload.unit as unit
    from landed
),

keyed as (
    select
        *,
        -- a datapoint is its metric, dimensions and minute (the staging key, so copies can be counted here)
        {{ connect_lake.surrogate_key([
            'metric_name', 'metric_group', 'instance_id', 'queue_name', 'contact_flow_name',
            connect_lake.timestamp_key('minute_at'),
        ]) }} as instance_metric_minute_id
    from typed
)

select * from keyed
