{{
    config(
        materialized='incremental',
        unique_key='contact_id',
        incremental_strategy='merge',
        partitioned_by=['contact_date'],
    )
}}

with legs as (
    select * from {{ ref('int_contact_legs__classified') }}
),

agents as (
    select * from {{ ref('dim_agents') }}
),

disconnect_reasons as (
    select * from {{ ref('connect__disconnect_reasons') }}
),

{%- if is_incremental() %}
-- A leg that changed since the last run can change the legs of its chain (the next leg sets
-- is_transferred_out and is_callback_requested on the one before), so take whole chains; and a leg whose
-- agent got a new configuration version from before it connected takes the new version's key.
agent_version_changes as (
    {{ connect_lake.agent_version_changes() }}
),

touched_chains as (
    select root_contact_id
    from legs
    where {{ connect_lake.ingested_since_last_run() }}
    union
    select legs.root_contact_id
    from legs
    inner join agent_version_changes
        on
            legs.agent_arn = agent_version_changes.agent_arn
            and legs.connected_to_agent_at >= agent_version_changes.reopen_at
),
{% endif %}

selected as (
    select legs.*
    from legs
    {%- if is_incremental() %}
    inner join touched_chains on legs.root_contact_id = touched_chains.root_contact_id
    {%- endif %}
),

-- the agent's configuration version in force when the agent connected
versioned as (
    select
        selected.*,
        agents.agent_version_key,
        disconnect_reasons.ended_by
    from selected
    left join agents
        on {{ connect_lake.agent_version_as_of(
            'agents', 'selected.agent_arn', 'selected.connected_to_agent_at'
        ) }}
    left join disconnect_reasons on selected.disconnect_reason = disconnect_reasons.disconnect_reason
),

final as (
    select
        contact_id,
        root_contact_id,
        initial_contact_id,
        previous_contact_id,
        next_contact_id,
        cast(leg_number as bigint) as leg_number,
        cast(chain_leg_count as bigint) as chain_leg_count,
        relation_to_previous,
        channel,
        initiation_method,
        disconnect_reason,
        ended_by,
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
        case when is_handled then hold_count end as hold_count,
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
        cast(agent_connection_attempt_count as bigint) as agent_connection_attempt_count,
        agent_audio_quality_score,
        has_agent_audio_high_packet_loss,
        has_agent_audio_high_round_trip_time,
        has_agent_audio_high_jitter_buffer,
        customer_audio_quality_score,
        has_customer_audio_high_packet_loss,
        has_customer_audio_high_round_trip_time,
        has_customer_audio_high_jitter_buffer,
        -- either side degraded; null when Connect scored neither side (chat, task, older records)
        case
            when agent_audio_quality_score is null and customer_audio_quality_score is null then null
            else coalesce(has_agent_audio_high_packet_loss, false)
                or coalesce(has_agent_audio_high_round_trip_time, false)
                or coalesce(has_agent_audio_high_jitter_buffer, false)
                or coalesce(has_customer_audio_high_packet_loss, false)
                or coalesce(has_customer_audio_high_round_trip_time, false)
                or coalesce(has_customer_audio_high_jitter_buffer, false)
        end as has_audio_quality_issue,
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
        cast(delivery_count as bigint) as delivery_count,
        attributes_json,
        _datehour,
        {{ connect_lake.ingested_at() }} as _ingested_at
    from versioned
)

select * from final
