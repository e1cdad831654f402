

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