{{
    config(
        materialized='incremental',
        unique_key='flow_log_entry_id',
        incremental_strategy='merge',
    )
}}
-- One row per flow block executed (a flow-log entry), typed and renamed; an entry CloudWatch delivered twice
-- is kept once. A Lambda that failed shows as an InvokeExternalResource block with an error in Results.
{%- set columns = [
    'flow_log_entry_id', 'contact_id', 'contact_flow_arn', 'contact_flow_id', 'contact_flow_name', 'module_type',
    'block_identifier', 'logged_at', 'parameters_json', 'results', 'external_results_json',
    '_source_file', '_datehour', '_line_number',
] %}
with new_copies as (
    select *
    from {{ ref('base_connect__contact_flow_logs') }}
    where _row_kind = 'record' and {{ connect_lake.ingested_since_last_run() }}
),

{{ connect_lake.keep_one_copy('new_copies', 'flow_log_entry_id', '_source_file, _line_number', columns) }}

select
    {{ columns | join(',\n    ') }},
    module_type = 'InvokeExternalResource' and results like '%Error%' as is_external_call_error,
    delivery_count,
    newest_ingested_at as _ingested_at
from ranked
where copy_rank = 1
