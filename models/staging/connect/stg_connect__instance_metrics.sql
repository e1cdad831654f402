{{
    config(
        materialized='incremental',
        unique_key='instance_metric_minute_id',
        incremental_strategy='merge',
    )
}}
-- One row per Amazon Connect CloudWatch datapoint: a metric, its dimensions and its minute. A metric stream
-- delivers at least once and CloudWatch may send a minute again; the copy in the newest object wins. Other
-- namespaces a stream of the whole account carries stay in the base table.
{%- set columns = [
    'instance_metric_minute_id', 'metric_name', 'metric_group', 'instance_id', 'queue_name', 'contact_flow_name',
    'minute_at', 'maximum_value', 'minimum_value', 'sum_value', 'sample_count', 'unit', 'metric_stream_name',
    'aws_account_id', 'aws_region', '_source_file', '_datehour', '_line_number',
] %}
with new_copies as (
    select * from {{ ref('base_connect__cloudwatch_metrics') }}
    where
        _row_kind = 'record'
        and metric_namespace = 'AWS/Connect'
        and {{ connect_lake.ingested_since_last_run() }}
),

{{ connect_lake.keep_one_copy(
    'new_copies', 'instance_metric_minute_id', '_source_file desc, _line_number desc', columns
) }}

select
    {{ columns | join(',\n    ') }},
    delivery_count,
    newest_ingested_at as _ingested_at
from ranked
where copy_rank = 1
