-- One row per flow block executed (a flow-log entry), typed and renamed; an entry CloudWatch delivered twice
-- is kept once. A Lambda that failed shows as an InvokeExternalResource block with an error in Results.
with source as (
    select * from {{ source('connect', 'contact_flow_logs') }}
),

renamed as (
    select
        contactid as contact_id,
        contactflowid as contact_flow_arn,
        {{ dbt.split_part('contactflowid', "'/'", 4) }} as contact_flow_id,
        contactflowname as contact_flow_name,
        contactflowmoduletype as module_type,
        identifier as block_identifier,
        {{ connect_lake.parse_iso8601_ts('timestamp') }} as logged_at,
        parameters as parameters_json,
        results,
        externalresults as external_results_json,
        _source_file,
        _datehour
    from source
    -- a line that is not a flow-log entry reads as a row of nulls; stg_connect__rejected_lines lists it
    where contactid is not null
),

deduplicated as (
    select
        *,
        row_number() over (
            partition by contact_id, block_identifier, logged_at order by _source_file
        ) as delivery_rank
    from renamed
),

final as (
    select
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
        module_type = 'InvokeExternalResource' and results like '%Error%' as is_external_call_error,
        _source_file,
        _datehour
    from deduplicated
    where delivery_rank = 1
)

select * from final
