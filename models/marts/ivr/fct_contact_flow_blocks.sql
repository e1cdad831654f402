{{
    config(
        partitioned_by=['month(logged_date)'],
        materialized='incremental',
        incremental_strategy='append',
        pre_hook="{{ connect_lake.delete_rows_to_rebuild(
            'flow_block_id',
            connect_lake.changed_keys(ref('stg_connect__contact_flow_logs'), 'contact_id'),
            ['contact_id']
        ) }}",
    )
}}
-- One row per flow block executed, in order per contact leg: which flow and block, when, for how long until
-- the next block, what it returned, and whether an external call (Lambda) failed. An incremental run
-- rebuilds the contacts that logged new blocks (a late entry can land between two others).
with blocks as (
    select * from {{ ref('stg_connect__contact_flow_logs') }}
    {%- if is_incremental() %}
    where contact_id in ({{ connect_lake.changed_keys(ref('stg_connect__contact_flow_logs'), 'contact_id') }})
    {%- endif %}
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
        {{ connect_lake.surrogate_key([
            'contact_id',
            'block_sequence'
        ]) }} as flow_block_id,
        contact_id,
        cast(block_sequence as bigint) as block_sequence,
        contact_flow_id,
        contact_flow_name,
        {{ connect_lake.contact_flow_type('contact_flow_name') }} as contact_flow_type,
        module_type,
        block_identifier,
        logged_at,
        {{ connect_lake.duration_s('logged_at', 'next_logged_at', precision='millisecond') }}
            as time_to_next_block_s,
        next_logged_at is null as is_last_block,
        results,
        parameters_json,
        external_results_json,
        is_external_call_error,
        cast(logged_at as date) as logged_date,
        {{ connect_lake.ingested_at() }} as _ingested_at
    from sequenced
)

select * from final
