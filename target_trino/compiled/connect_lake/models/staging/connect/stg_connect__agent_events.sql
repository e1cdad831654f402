
-- One row per agent event (EventId), re-deliveries removed: who, when, what kind, and the agent's selected
-- status and configuration after it. Kinesis delivers at least once: a repeated EventId is the same event,
-- so one copy is kept (the first landed, so the choice does not depend on read order). The contacts on the
-- desk are in stg_connect__agent_event_contacts.
with new_copies as (
    select * from "iceberg"."connect_lake_staging"."base_connect__agent_events"
    where _row_kind = 'record' and true
),

candidates as (
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
        contacts,
        _source_file,
        _datehour,
        _line_number,
        _ingested_at,
        cast(1 as bigint) as copies
    from new_copies
),

ranked as (
    select
        candidates.*,
        row_number() over (partition by event_id order by _source_file, _line_number) as copy_rank,
        cast(sum(copies) over (partition by event_id) as bigint) as deliveries,
        max(_ingested_at) over (partition by event_id) as newest_ingested_at
    from candidates
)

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
    contacts,
    _source_file,
    _datehour,
    _line_number,
    cast(cardinality(contacts) as bigint) as contacts_on_desk,
    deliveries,
    newest_ingested_at as _ingested_at
from ranked
where copy_rank = 1