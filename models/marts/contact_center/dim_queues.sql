-- One row per queue: every standard queue of the newest configuration snapshot and every queue (standard or
-- an agent's own queue, QueueType AGENT) seen on contact records, with its hours of operation, capacity and
-- status from the newest snapshot that shows it, and its service-level threshold X and target from the seed.
-- Contact records name no agent queue: it takes its agent's user name, as Connect's reports show it.
with observed as (
    select
        queue_arn,
        max(queue_name) as queue_name,
        max(channel) as channel
    from {{ ref('stg_connect__contact_records') }}
    where queue_arn is not null
    group by 1
),

{{ connect_lake.newest_snapshots('configured', ref('stg_connect__config_queues'), 'queue_arn') }},

{{ connect_lake.newest_snapshots(
    'hours', ref('stg_connect__config_hours_of_operation'), 'hours_of_operation_id'
) }},

{{ connect_lake.newest_snapshots('users', ref('stg_connect__config_users'), 'agent_id') }},

-- a configured queue's channel is the one its routing-profile configs serve it on (a queue has none itself)
configured_channels as (
    select
        queue_arn,
        min(channel) as channel
    from {{ ref('bridge_routing_profile_queues') }}
    where is_current_version
    group by 1
),

targets as (
    select * from {{ ref('queue_service_level_targets') }}
),

queues as (
    select
        coalesce(observed.queue_arn, configured.queue_arn) as queue_arn,
        coalesce(configured.queue_name, observed.queue_name) as queue_name,
        coalesce(observed.channel, configured_channels.channel) as channel,
        configured.queue_description,
        configured.hours_of_operation_id,
        configured.max_contacts,
        configured.queue_status,
        configured.outbound_caller_id_name,
        configured.snapshot_at as configuration_snapshot_at,
        coalesce(configured.is_in_newest_snapshot, false) as is_in_current_configuration
    from observed
    full outer join configured on observed.queue_arn = configured.queue_arn
    left join configured_channels on configured.queue_arn = configured_channels.queue_arn
),

typed as (
    select
        *,
        case when queue_arn like '%/queue/agent/%' then 'AGENT' else 'STANDARD' end as queue_type,
        -- .../queue/<id> for a standard queue, .../queue/agent/<agent id> for an agent's
        case
            when queue_arn like '%/queue/agent/%' then {{ dbt.split_part('queue_arn', "'/'", 5) }}
            else {{ dbt.split_part('queue_arn', "'/'", 4) }}
        end as queue_id
    from queues
),

final as (
    select
        queues.queue_arn,
        queues.queue_id,
        -- an agent queue no snapshot names (the user deleted since) is named by its agent's id
        coalesce(queues.queue_name, users.agent_username, 'agent ' || queues.queue_id) as queue_name,
        queues.queue_type,
        queues.channel,
        cast(
            coalesce(
                targets.service_level_threshold_s, {{ var('default_service_level_threshold_s') }}
            ) as bigint
        ) as service_level_threshold_s,
        cast(targets.service_level_target_pct as double) as service_level_target_pct,
        queues.queue_description,
        queues.queue_status,
        queues.hours_of_operation_id,
        hours.hours_of_operation_name,
        hours.time_zone as hours_of_operation_time_zone,
        -- 0 or absent: the queue has no limit
        cast(nullif(queues.max_contacts, 0) as bigint) as max_contacts,
        queues.outbound_caller_id_name,
        queues.configuration_snapshot_at,
        queues.is_in_current_configuration
    from typed as queues
    left join users on queues.queue_type = 'AGENT' and queues.queue_id = users.agent_id
    left join targets on queues.queue_name = targets.queue_name
    left join hours on queues.hours_of_operation_id = hours.hours_of_operation_id
)

select * from final
