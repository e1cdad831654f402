
  
    create table
    "iceberg"."connect_lake_marts"."fct_contacts__dbt_tmp"
    
  (
    contact_id varchar,
    root_contact_id varchar,
    initial_contact_id varchar,
    previous_contact_id varchar,
    next_contact_id varchar,
    leg_number bigint,
    legs_in_chain bigint,
    relation_to_previous varchar,
    channel varchar,
    initiation_method varchar,
    disconnect_reason varchar,
    queue_arn varchar,
    queue_name varchar,
    agent_arn varchar,
    agent_version_key varchar,
    agent_username varchar,
    routing_profile_arn varchar,
    routing_profile_name varchar,
    customer_key varchar,
    customer_endpoint_type varchar,
    is_queued boolean,
    is_handled boolean,
    is_abandoned boolean,
    is_callback_requested boolean,
    is_transferred_in boolean,
    is_transferred_out boolean,
    queue_duration_s bigint,
    interaction_duration_s bigint,
    customer_hold_duration_s bigint,
    number_of_holds bigint,
    longest_hold_duration_s bigint,
    after_contact_work_duration_s bigint,
    agent_pause_duration_s bigint,
    handle_time_s bigint,
    external_third_party_duration_s bigint,
    agent_connection_attempts bigint,
    initiated_at timestamp,
    connected_to_system_at timestamp,
    enqueued_at timestamp,
    dequeued_at timestamp,
    connected_to_agent_at timestamp,
    transfer_completed_at timestamp,
    disconnected_at timestamp,
    after_contact_work_started_at timestamp,
    after_contact_work_ended_at timestamp,
    last_updated_at timestamp,
    contact_date date,
    deliveries bigint,
    attributes_json varchar,
    _datehour varchar,
    _ingested_at timestamp
    
    )

    
    comment 'One row per contact leg (ContactId), deduplicated, with its place in the transfer chain, Amazon Connect''s metric flags and its durations in seconds. Incremental: each run re-reads a lookback window of landed hours (var incremental_lookback_days) and merges whole chains on contact_id.
'
    
    with (
        format = 'PARQUET',
        partitioning = array['contact_date']
    )
  ;

  insert into "iceberg"."connect_lake_marts"."fct_contacts__dbt_tmp"
    (
      
    select contact_id, root_contact_id, initial_contact_id, previous_contact_id, next_contact_id, leg_number, legs_in_chain, relation_to_previous, channel, initiation_method, disconnect_reason, queue_arn, queue_name, agent_arn, agent_version_key, agent_username, routing_profile_arn, routing_profile_name, customer_key, customer_endpoint_type, is_queued, is_handled, is_abandoned, is_callback_requested, is_transferred_in, is_transferred_out, queue_duration_s, interaction_duration_s, customer_hold_duration_s, number_of_holds, longest_hold_duration_s, after_contact_work_duration_s, agent_pause_duration_s, handle_time_s, external_third_party_duration_s, agent_connection_attempts, initiated_at, connected_to_system_at, enqueued_at, dequeued_at, connected_to_agent_at, transfer_completed_at, disconnected_at, after_contact_work_started_at, after_contact_work_ended_at, last_updated_at, contact_date, deliveries, attributes_json, _datehour, _ingested_at
    from (
        

with legs as (
    select * from "iceberg"."connect_lake_intermediate"."int_contact_legs__classified"
),

agents as (
    select * from "iceberg"."connect_lake_marts"."dim_agents"
),

selected as (
    select legs.*
    from legs
),

-- the agent's configuration version in force when the agent connected
versioned as (
    select
        selected.*,
        agents.agent_version_key
    from selected
    left join agents
        on agents.agent_arn = selected.agent_arn
    and (selected.connected_to_agent_at >= agents.valid_from or agents.version_number = 1)
    and (agents.valid_to is null or selected.connected_to_agent_at < agents.valid_to)
),

final as (
    select
        contact_id,
        root_contact_id,
        initial_contact_id,
        previous_contact_id,
        next_contact_id,
        cast(leg_number as bigint) as leg_number,
        cast(legs_in_chain as bigint) as legs_in_chain,
        relation_to_previous,
        channel,
        initiation_method,
        disconnect_reason,
        queue_arn,
        queue_name,
        agent_arn,
        agent_version_key,
        agent_username,
        routing_profile_arn,
        routing_profile_name,
        customer_key,
        customer_endpoint_type,
        is_queued,
        is_handled,
        is_abandoned,
        is_callback_requested,
        is_transferred_in,
        is_transferred_out,
        case when is_queued then queue_duration_s end as queue_duration_s,
        case when is_handled then agent_interaction_duration_s end as interaction_duration_s,
        case when is_handled then customer_hold_duration_s end as customer_hold_duration_s,
        case when is_handled then number_of_holds end as number_of_holds,
        case when is_handled then longest_hold_duration_s end as longest_hold_duration_s,
        case when is_handled then coalesce(after_contact_work_duration_s, 0) end
            as after_contact_work_duration_s,
        case when is_handled then coalesce(agent_pause_duration_s, 0) end as agent_pause_duration_s,
        -- Connect's handle time: interaction + customer hold + after-contact work + task pause
        case
            when is_handled
                then coalesce(agent_interaction_duration_s, 0)
                    + coalesce(customer_hold_duration_s, 0)
                    + coalesce(after_contact_work_duration_s, 0)
                    + coalesce(agent_pause_duration_s, 0)
        end as handle_time_s,
        external_third_party_duration_s,
        cast(agent_connection_attempts as bigint) as agent_connection_attempts,
        initiated_at,
        connected_to_system_at,
        enqueued_at,
        dequeued_at,
        connected_to_agent_at,
        transfer_completed_at,
        disconnected_at,
        after_contact_work_started_at,
        after_contact_work_ended_at,
        last_updated_at,
        cast(initiated_at as date) as contact_date,
        cast(deliveries as bigint) as deliveries,
        attributes_json,
        _datehour,
        cast('2026-12-02 03:54:05.883060' as timestamp(6)) as _ingested_at
    from versioned
)

select * from final
    ) as model_subq
    )
  ;

  