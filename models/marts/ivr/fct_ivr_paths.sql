-- One row per contact leg that ran a logged flow before any queue: the path it took, how long that took, and
-- how it left the flows: queued, contained (self-service), closed (outside hours) or dropped. Legs that only
-- ran the customer queue flow (callbacks, some queue transfers) made no IVR path and have no row.
{{
    config(
        partitioned_by=['month(ivr_date)'],
        materialized='incremental',
        unique_key='contact_id',
        incremental_strategy='merge',
    )
}}
{%- set to_queue = "('" ~ var('flow_modules_to_queue') | join("', '") ~ "')" -%}
{%- set disconnect = "('" ~ var('flow_modules_disconnect') | join("', '") ~ "')" %}
with
{%- if is_incremental() %}
-- the contacts with new flow blocks, and those whose contact record changed
touched as (
    {{ connect_lake.changed_keys(ref('fct_contact_flow_blocks'), 'contact_id') }}
    union
    {{ connect_lake.changed_keys(ref('fct_contacts'), 'contact_id') }}
),

blocks as (
    select * from {{ ref('fct_contact_flow_blocks') }}
    where contact_id in (select contact_id from touched)
),

contacts as (
    select * from {{ ref('fct_contacts') }}
    where contact_id in (select contact_id from touched)
),
{%- else %}
blocks as (
    select * from {{ ref('fct_contact_flow_blocks') }}
),

contacts as (
    select * from {{ ref('fct_contacts') }}
),
{%- endif %}

queue_arrivals as (
    -- the first Transfer to queue, or the first block of a customer queue flow (a callback or a queue
    -- transfer enters its queue without one), ends the IVR part: later blocks are queue time
    select
        contact_id,
        min(block_sequence) as queue_block_sequence
    from blocks
    where module_type in {{ to_queue }} or contact_flow_type = 'CUSTOMER_QUEUE'
    group by 1
),

ivr_blocks as (
    select
        blocks.*,
        queue_arrivals.queue_block_sequence,
        lag(blocks.contact_flow_id) over (
            partition by blocks.contact_id order by blocks.block_sequence
        ) as previous_contact_flow_id,
        row_number() over (
            partition by blocks.contact_id order by blocks.block_sequence
        ) as ivr_block_sequence,
        row_number() over (
            partition by blocks.contact_id order by blocks.block_sequence desc
        ) as blocks_from_exit
    from blocks
    left join queue_arrivals on blocks.contact_id = queue_arrivals.contact_id
    where
        blocks.contact_flow_type <> 'CUSTOMER_QUEUE'
        and (
            queue_arrivals.queue_block_sequence is null
            or blocks.block_sequence <= queue_arrivals.queue_block_sequence
        )
),

paths as (
    select
        contact_id,
        count(*) as ivr_block_count,
        count(distinct contact_flow_id) as ivr_flow_count,
        min(logged_at) as ivr_started_at,
        max(logged_at) as ivr_ended_at,
        max(queue_block_sequence) is not null as has_reached_queue,
        sum(case when module_type = 'InvokeExternalResource' then 1 else 0 end) as external_call_count,
        sum(case when is_external_call_error then 1 else 0 end) as external_call_error_count,
        sum(case when module_type = 'GetUserInput' then 1 else 0 end) as input_block_count,
        sum(case when module_type = 'GetUserInput' and results = 'Timeout' then 1 else 0 end)
            as input_timeout_count,
        -- Check hours of operation returns "False" outside the queue's hours
        max(case when module_type = 'CheckHoursOfOperation' and results = 'False' then 1 else 0 end) = 1
            as was_outside_hours,
        {{ dbt.listagg(
            'case when ivr_block_sequence = 1 or previous_contact_flow_id <> contact_flow_id'
            ~ ' then contact_flow_name end',
            "' > '", 'order by block_sequence'
        ) }} as flow_path,
        {{ dbt.listagg('module_type', "' > '", 'order by block_sequence') }} as block_path
    from ivr_blocks
    group by 1
),

entries as (
    select
        contact_id,
        contact_flow_id as entry_contact_flow_id,
        contact_flow_name as entry_contact_flow_name,
        contact_flow_type as entry_contact_flow_type
    from ivr_blocks
    where ivr_block_sequence = 1
),

exits as (
    select
        contact_id,
        contact_flow_name as exit_contact_flow_name,
        module_type as exit_module_type,
        block_identifier as exit_block_identifier,
        results as exit_block_results
    from ivr_blocks
    where blocks_from_exit = 1
),

classified as (
    select
        paths.*,
        entries.entry_contact_flow_id,
        entries.entry_contact_flow_name,
        entries.entry_contact_flow_type,
        exits.exit_contact_flow_name,
        exits.exit_module_type,
        exits.exit_block_identifier,
        exits.exit_block_results,
        -- a customer who hangs up in a flow leaves no log entry: the last logged block is neither a
        -- Disconnect nor a Transfer to queue
        case
            when paths.has_reached_queue then 'queued'
            when exits.exit_module_type in {{ disconnect }} and paths.was_outside_hours then 'closed'
            when exits.exit_module_type in {{ disconnect }} then 'contained'
            else 'dropped'
        end as ivr_outcome
    from paths
    inner join entries on paths.contact_id = entries.contact_id
    inner join exits on paths.contact_id = exits.contact_id
),

final as (
    select
        classified.contact_id,
        contacts.root_contact_id,
        contacts.channel,
        contacts.initiation_method,
        classified.entry_contact_flow_id,
        classified.entry_contact_flow_name,
        classified.entry_contact_flow_type,
        classified.entry_contact_flow_type in ('AGENT_TRANSFER', 'QUEUE_TRANSFER')
            as is_transfer_flow_entry,
        classified.flow_path,
        classified.block_path,
        cast(classified.ivr_block_count as bigint) as ivr_block_count,
        cast(classified.ivr_flow_count as bigint) as ivr_flow_count,
        classified.ivr_started_at,
        classified.ivr_ended_at,
        {{ connect_lake.duration_s(
            'classified.ivr_started_at', 'classified.ivr_ended_at', precision='millisecond'
        ) }}
            as ivr_duration_s,
        classified.ivr_outcome,
        classified.has_reached_queue,
        classified.ivr_outcome = 'contained' as is_self_service_contained,
        classified.ivr_outcome in ('contained', 'closed') as is_ended_in_flow,
        classified.ivr_outcome = 'dropped' as is_dropped_in_flow,
        classified.exit_contact_flow_name,
        classified.exit_module_type,
        classified.exit_block_identifier,
        classified.exit_block_results,
        cast(classified.input_block_count as bigint) as input_block_count,
        cast(classified.input_timeout_count as bigint) as input_timeout_count,
        cast(classified.external_call_count as bigint) as external_call_count,
        cast(classified.external_call_error_count as bigint) as external_call_error_count,
        classified.external_call_error_count > 0 as has_external_call_error,
        contacts.contact_id is not null as has_contact_record,
        contacts.queue_name as ctr_queue_name,
        contacts.disconnect_reason as ctr_disconnect_reason,
        cast(classified.ivr_started_at as date) as ivr_date,
        {{ connect_lake.ingested_at() }} as _ingested_at
    from classified
    left join contacts on classified.contact_id = contacts.contact_id
)

select * from final
