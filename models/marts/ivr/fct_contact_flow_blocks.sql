-- One row per flow block executed, in order per contact leg: which flow and block, when, for how long until
-- the next block, what it returned, and whether an external call (Lambda) failed.
with blocks as (
    select * from {{ ref('stg_connect__contact_flow_logs') }}
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
        {{ dbt.concat([
            'contact_id', "'|'", dbt.cast('block_sequence', api.Column.translate_type('string'))
        ]) }} as flow_block_id,
        contact_id,
        cast(block_sequence as bigint) as block_sequence,
        contact_flow_id,
        contact_flow_name,
        module_type,
        block_identifier,
        logged_at,
        {{ connect_lake.duration_s('logged_at', 'next_logged_at') }} as seconds_to_next_block,
        next_logged_at is null as is_last_block,
        results,
        parameters_json,
        external_results_json,
        is_external_call_error,
        cast(logged_at as date) as logged_date
    from sequenced
)

select * from final
