{{
    config(
        materialized='incremental',
        unique_key='hours_of_operation_snapshot_key',
        incremental_strategy='merge',
    )
}}
-- One row per hours of operation per daily configuration snapshot, its opening times per day of the week
-- as an array; dim_hours_of_operation flattens them. A snapshot object landed twice is kept once.
{%- set columns = [
    'hours_of_operation_snapshot_key', 'hours_of_operation_id', 'hours_of_operation_arn',
    'hours_of_operation_name', 'hours_of_operation_description', 'time_zone', 'day_configs', 'snapshot_at',
    '_source_file', '_datehour', '_line_number',
] %}
{{ connect_lake.config_snapshot_staging(
    ref('base_connect__config_hours_of_operation'), 'hours_of_operation_snapshot_key', columns
) }}
