{{
    config(
        materialized='incremental',
        unique_key='instance_metric_minute_id',
        incremental_strategy='merge',
        partitioned_by=['metric_date'],
    )
}}
-- One row per Amazon Connect CloudWatch metric x dimensions x minute, kept as long as the lake keeps it
-- (CloudWatch itself keeps them two weeks). Connect publishes one sample a minute, so maximum, minimum and
-- average are equal on its own metrics; they stay apart for metrics that carry several samples.
with datapoints as (
    select * from {{ ref('stg_connect__instance_metrics') }}
    where {{ connect_lake.ingested_since_last_run() }}
),

final as (
    select
        instance_metric_minute_id,
        metric_name,
        metric_group,
        queue_name,
        contact_flow_name,
        instance_id,
        unit,
        minute_at,
        cast(minute_at as date) as metric_date,
        maximum_value,
        minimum_value,
        sum_value,
        sample_count,
        case when sample_count > 0 then sum_value / sample_count end as average_value,
        cast(delivery_count as bigint) as delivery_count,
        {{ connect_lake.ingested_at() }} as _ingested_at
    from datapoints
)

select * from final
