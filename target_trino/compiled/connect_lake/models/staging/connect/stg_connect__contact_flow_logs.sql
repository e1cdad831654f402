
-- One row per flow block executed (a flow-log entry), typed and renamed; an entry CloudWatch delivered twice
-- is kept once. A Lambda that failed shows as an InvokeExternalResource block with an error in Results.
with new_copies as (
    select *
    from "iceberg"."connect_lake_staging"."base_connect__contact_flow_logs"
    where _row_kind = 'record' and true
),

candidates as (
    select
        flow_log_entry_id,
        contact_id,
        contact_flow_arn,
        contact_flow_id,
        contact_flow_name,
        module_type,
        block_identifier,
        logged_at,
        parameters_json,
        results,
        external_results_json,
        _source_file,
        _datehour,
        _line_number,
        _ingested_at,
        cast(1 as bigint) as copies
    from new_copies
),

ranked as (
    select
        candidates.*,
        row_number() over (partition by flow_log_entry_id order by _source_file, _line_number) as copy_rank,
        cast(sum(copies) over (partition by flow_log_entry_id) as bigint) as deliveries,
        max(_ingested_at) over (partition by flow_log_entry_id) as newest_ingested_at
    from candidates
)

select
    flow_log_entry_id,
    contact_id,
    contact_flow_arn,
    contact_flow_id,
    contact_flow_name,
    module_type,
    block_identifier,
    logged_at,
    parameters_json,
    results,
    external_results_json,
    _source_file,
    _datehour,
    _line_number,
    module_type = 'InvokeExternalResource' and results like '%Error%' as is_external_call_error,
    deliveries,
    newest_ingested_at as _ingested_at
from ranked
where copy_rank = 1