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
-- rebuilds the contacts that logged new blocks (a late entry can land between two others). The flow's type
-- comes from dim_contact_flows: the configuration snapshots, or var contact_flow_types where none shows it.
with blocks as (
    select * from {{ ref('stg_connect__contact_flow_logs') }}
    {%- if is_incremental() %}
    where contact_id in ({{ connect_lake.changed_keys(ref('stg_connect__contact_flow_logs'), 'contact_id') }})
    {%- endif %}
),

flows as (
    select
        contact_flow_id,
        contact_flow_type
    from {{ ref('dim_contact_flows') }}
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
            'sequenced.contact_id',
            'sequenced.block_sequence'
        ]) }} as flow_block_id,
        sequenced.contact_id,
        cast(sequenced.block_sequence as bigint) as block_sequence,
        sequenced.contact_flow_id,
        sequenced.contact_flow_name,
        coalesce(
            flows.contact_flow_type, {{ connect_lake.contact_flow_type('sequenced.contact_flow_name') }}
        ) as contact_flow_type,
        sequenced.module_type,
        sequenced.block_identifier,
        sequenced.logged_at,
        {{ connect_lake.duration_s(
            'sequenced.logged_at', 'sequenced.next_logged_at', precision='millisecond'
        ) }} as time_to_next_block_s,
        sequenced.next_logged_at is null as is_last_block,
        sequenced.results,
        sequenced.parameters_json,
        sequenced.external_results_json,
        sequenced.is_external_call_error,
        cast(sequenced.logged_at as date) as logged_date,
        {{ connect_lake.ingested_at() }} as _ingested_at
    from sequenced
    left join flows on sequenced.contact_flow_id = flows.contact_flow_id
)

select * from final
