{{
    config(
        materialized='incremental',
        unique_key='instance_metric_hour_id',
        incremental_strategy='merge',
        partitioned_by=['metric_date'],
    )
}}
-- One row per Amazon Connect CloudWatch metric x dimensions x hour, rolled up from the minutes as CloudWatch
-- rolls up a period: the maximum of the maxima (peak concurrency in the hour), the minimum of the minima, the
-- sums of sums and of sample counts. An incremental run recomputes the hours its new minutes fall in.
with minutes as (
    select
        *,
        {{ dbt.date_trunc('hour', 'minute_at') }} as hour_at
    from {{ ref('fct_instance_metric_minutes') }}
),

{%- if is_incremental() %}
touched_hours as (
    select distinct
        metric_name,
        hour_at
    from minutes
    where {{ connect_lake.ingested_since_last_run() }}
),
{% endif %}

selected as (
    select minutes.*
    from minutes
    {%- if is_incremental() %}
    inner join touched_hours
        on minutes.metric_name = touched_hours.metric_name and minutes.hour_at = touched_hours.hour_at
    {%- endif %}
),

rolled_up as (
    select
        metric_name,
        metric_group,
        queue_name,
        contact_flow_name,
        instance_id,
        unit,
        hour_at,
        max(maximum_value) as maximum_value,
        min(minimum_value) as minimum_value,
        sum(sum_value) as sum_value,
        cast(sum(sample_count) as bigint) as sample_count,
        count(*) as minutes_reported
    from selected
    group by 1, 2, 3, 4, 5, 6, 7
),

final as (
    select
        {{ connect_lake.surrogate_key([
            'metric_name', 'metric_group', 'instance_id', 'queue_name', 'contact_flow_name',
            connect_lake.timestamp_key('hour_at'),
        ]) }} as instance_metric_hour_id,
        metric_name,
        metric_group,
        queue_name,
        contact_flow_name,
        instance_id,
        unit,
        hour_at,
        cast(hour_at as date) as metric_date,
        maximum_value,
        minimum_value,
        sum_value,
        sample_count,
        case when sample_count > 0 then sum_value / sample_count end as average_value,
        cast(minutes_reported as bigint) as minutes_reported,
        {{ connect_lake.ingested_at() }} as _ingested_at
    from rolled_up
)

select * from final
