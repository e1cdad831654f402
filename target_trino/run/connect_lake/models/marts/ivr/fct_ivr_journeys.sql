
  
    create table
    "iceberg"."connect_lake_marts"."fct_ivr_journeys"
    
  (
    contact_id varchar,
    root_contact_id varchar,
    channel varchar,
    initiation_method varchar,
    entry_contact_flow_id varchar,
    entry_contact_flow_name varchar,
    entry_contact_flow_type varchar,
    is_transfer_flow_entry boolean,
    flow_path varchar,
    block_path varchar,
    ivr_block_count bigint,
    ivr_flow_count bigint,
    ivr_started_at timestamp,
    ivr_ended_at timestamp,
    ivr_duration_s double,
    ivr_outcome varchar,
    reached_queue boolean,
    is_self_service_contained boolean,
    is_ended_in_flow boolean,
    is_dropped_in_flow boolean,
    exit_contact_flow_name varchar,
    exit_module_type varchar,
    exit_block_identifier varchar,
    exit_block_results varchar,
    input_block_count bigint,
    input_timeout_count bigint,
    external_call_count bigint,
    external_call_error_count bigint,
    has_external_call_error boolean,
    has_contact_record boolean,
    ctr_queue_name varchar,
    ctr_disconnect_reason varchar,
    ivr_date date,
    _ingested_at timestamp
    
    )

    
    comment 'One row per contact leg that ran at least one logged block outside the customer queue flow: the path it took through the flows before it reached a queue, how long that took, and how it left the flows. `ivr_outcome` is queued (a Transfer to queue block ran, or the customer queue flow started), closed (a Disconnect after Check hours of operation returned False), contained (any other Disconnect: self-service ended the contact in the flow) or dropped (the last logged block is neither: the customer hung up in the flow, which Connect does not log). The block types are vars flow_modules_to_queue and flow_modules_disconnect. IVR containment rate = contained ÷ contacts entering an inbound flow. Blocks after the first Transfer to queue (customer queue flow, callback offers) are queue time and are left out of the IVR path and duration.
'
    
    with (
        format = 'PARQUET',
        partitioning = array['month(ivr_date)']
    )
  ;

  insert into "iceberg"."connect_lake_marts"."fct_ivr_journeys"
    (
      
    select contact_id, root_contact_id, channel, initiation_method, entry_contact_flow_id, entry_contact_flow_name, entry_contact_flow_type, is_transfer_flow_entry, flow_path, block_path, ivr_block_count, ivr_flow_count, ivr_started_at, ivr_ended_at, ivr_duration_s, ivr_outcome, reached_queue, is_self_service_contained, is_ended_in_flow, is_dropped_in_flow, exit_contact_flow_name, exit_module_type, exit_block_identifier, exit_block_results, input_block_count, input_timeout_count, external_call_count, external_call_error_count, has_external_call_error, has_contact_record, ctr_queue_name, ctr_disconnect_reason, ivr_date, _ingested_at
    from (
        -- One row per contact leg that ran a logged flow before any queue: the path it took, how long that took, and
-- how it left the flows: queued, contained (self-service), closed (outside hours) or dropped. Legs that only
-- ran the customer queue flow (callbacks, some queue transfers) made no IVR journey and have no row.

with
blocks as (
    select * from "iceberg"."connect_lake_marts"."fct_contact_flow_blocks"
),

contacts as (
    select * from "iceberg"."connect_lake_marts"."fct_contacts"
),

typed_blocks as (
    select
        *,
        case contact_flow_name
        when 'Default customer queue' then 'CUSTOMER_QUEUE'
        when 'Default customer hold' then 'CUSTOMER_HOLD'
        when 'Default customer whisper' then 'CUSTOMER_WHISPER'
        when 'Default agent hold' then 'AGENT_HOLD'
        when 'Default agent whisper' then 'AGENT_WHISPER'
        when 'Default outbound' then 'OUTBOUND_WHISPER'
        when 'Default agent transfer' then 'AGENT_TRANSFER'
        when 'Default queue transfer' then 'QUEUE_TRANSFER'
        else 'CONTACT_FLOW'
    end as contact_flow_type
    from blocks
),

queue_arrivals as (
    -- the first Transfer to queue, or the first block of a customer queue flow (a callback or a queue
    -- transfer enters its queue without one), ends the IVR part: later blocks are queue time
    select
        contact_id,
        min(block_sequence) as queue_block_sequence
    from typed_blocks
    where module_type in ('TransferToQueue') or contact_flow_type = 'CUSTOMER_QUEUE'
    group by 1
),

ivr_blocks as (
    select
        typed_blocks.*,
        queue_arrivals.queue_block_sequence,
        lag(typed_blocks.contact_flow_id) over (
            partition by typed_blocks.contact_id order by typed_blocks.block_sequence
        ) as previous_contact_flow_id,
        row_number() over (
            partition by typed_blocks.contact_id order by typed_blocks.block_sequence
        ) as ivr_block_sequence,
        row_number() over (
            partition by typed_blocks.contact_id order by typed_blocks.block_sequence desc
        ) as blocks_from_exit
    from typed_blocks
    left join queue_arrivals on typed_blocks.contact_id = queue_arrivals.contact_id
    where
        typed_blocks.contact_flow_type <> 'CUSTOMER_QUEUE'
        and (
            queue_arrivals.queue_block_sequence is null
            or typed_blocks.block_sequence <= queue_arrivals.queue_block_sequence
        )
),

journeys as (
    select
        contact_id,
        count(*) as ivr_block_count,
        count(distinct contact_flow_id) as ivr_flow_count,
        min(logged_at) as ivr_started_at,
        max(logged_at) as ivr_ended_at,
        max(queue_block_sequence) is not null as reached_queue,
        sum(case when module_type = 'InvokeExternalResource' then 1 else 0 end) as external_call_count,
        sum(case when is_external_call_error then 1 else 0 end) as external_call_error_count,
        sum(case when module_type = 'GetUserInput' then 1 else 0 end) as input_block_count,
        sum(case when module_type = 'GetUserInput' and results = 'Timeout' then 1 else 0 end)
            as input_timeout_count,
        -- Check hours of operation returns "False" outside the queue's hours
        max(case when module_type = 'CheckHoursOfOperation' and results = 'False' then 1 else 0 end) = 1
            as was_outside_hours,
         array_join( array_agg(case when ivr_block_sequence = 1 or previous_contact_flow_id <> contact_flow_id then contact_flow_name end order by block_sequence) , ' > ')  as flow_path,
         array_join( array_agg(module_type order by block_sequence) , ' > ')  as block_path
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
        journeys.*,
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
            when journeys.reached_queue then 'queued'
            when exits.exit_module_type in ('Disconnect') and journeys.was_outside_hours then 'closed'
            when exits.exit_module_type in ('Disconnect') then 'contained'
            else 'dropped'
        end as ivr_outcome
    from journeys
    inner join entries on journeys.contact_id = entries.contact_id
    inner join exits on journeys.contact_id = exits.contact_id
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
        (cast((cast(round(to_unixtime(classified.ivr_ended_at) * 1000) as bigint) - cast(round(to_unixtime(classified.ivr_started_at) * 1000) as bigint)) as double) / 1000)
            as ivr_duration_s,
        classified.ivr_outcome,
        classified.reached_queue,
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
        cast('2026-12-02 03:54:05.883060' as timestamp(6)) as _ingested_at
    from classified
    left join contacts on classified.contact_id = contacts.contact_id
)

select * from final
    ) as model_subq
    )
  ;

  