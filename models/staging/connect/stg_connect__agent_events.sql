-- One row per agent event (EventId), re-deliveries removed: who, when, what kind, and the agent's selected
-- status and configuration after it. The contacts on the desk are in stg_connect__agent_event_contacts.
with events as (
    select * from {{ ref('base_connect__agent_events') }}
),

final as (
    select
        event_id,
        agent_arn,
        agent_id,
        event_type,
        event_at,
        instance_arn,
        aws_account_id,
        event_version,
        agent_status_arn,
        agent_status_name,
        agent_status_type,
        agent_status_started_at,
        next_agent_status_name,
        next_agent_status_enqueued_at,
        agent_username,
        agent_first_name,
        agent_last_name,
        routing_profile_arn,
        routing_profile_name,
        agent_hierarchy_level1,
        agent_hierarchy_level2,
        agent_hierarchy_level3,
        agent_hierarchy_level4,
        agent_hierarchy_level5,
        cast({{ connect_lake.array_length('contacts') }} as bigint) as contacts_on_desk,
        deliveries,
        _source_file,
        _datehour
    from events
)

select * from final
