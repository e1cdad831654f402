
-- One row per flow block executed, in order per contact leg: which flow and block, when, for how long until
-- the next block, what it returned, and whether an external call (Lambda) failed. An incremental run
-- rebuilds the contacts that logged new blocks (a late entry can land between two others).
with blocks as (
    select * from "iceberg"."connect_lake_staging"."stg_connect__contact_flow_logs"
),

sequenced as (
    select
        *,
        row_number() over (partition by contact_id order by logged_at, block_identifier) as block_sequence,
        lead(logged_at) over (partition by contact_id order by logged_at, block_identifier) as next_logged_at
    from blocks
),

final as (
    select
        contact_id || '|' || 
    cast(block_sequence as VARCHAR)
 as flow_block_id,
        contact_id,
        cast(block_sequence as bigint) as block_sequence,
        contact_flow_id,
        contact_flow_name,
        module_type,
        block_identifier,
        logged_at,
        (cast((cast(round(to_unixtime(next_logged_at) * 1000) as bigint) - cast(round(to_unixtime(logged_at) * 1000) as bigint)) as double) / 1000) as seconds_to_next_block,
        next_logged_at is null as is_last_block,
        results,
        parameters_json,
        external_results_json,
        is_external_call_error,
        cast(logged_at as date) as logged_date,
        cast('2026-12-02 03:54:05.883060' as timestamp(6)) as _ingested_at
    from sequenced
)

select * from final