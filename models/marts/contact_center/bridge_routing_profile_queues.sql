-- Which queues a routing profile's agents take contacts from, per channel, with the priority (1 first) and the
-- delay (seconds a contact waits before it may reach them), as a type-2 history from the daily configuration
-- snapshots: a version per profile × queue × channel while its priority, delay and names stay the same.
with profile_snapshots as (
    select * from {{ ref('stg_connect__config_routing_profiles') }}
),

queue_configs as (
    select
        profile_snapshots.routing_profile_id,
        profile_snapshots.routing_profile_arn,
        profile_snapshots.routing_profile_name,
        queue_config.queue_id,
        queue_config.queue_arn,
        queue_config.queue_name,
        queue_config.channel,
        cast(queue_config.priority as bigint) as routing_priority,
        cast(queue_config.delay_s as bigint) as routing_delay_s,
        profile_snapshots.snapshot_at
    from profile_snapshots
    {{ connect_lake.unnest_rows(
        'profile_snapshots.queue_configs', 'queue_config',
        ['queue_id', 'queue_arn', 'queue_name', 'channel', 'priority', 'delay_s']
    ) }}
),

{{ connect_lake.configuration_versions(
    'versions', 'queue_configs', ['routing_profile_id', 'queue_id', 'channel'],
    ['routing_profile_arn', 'routing_profile_name', 'queue_arn', 'queue_name', 'routing_priority', 'routing_delay_s']
) }},

final as (
    select
        {{ connect_lake.surrogate_key([
            'routing_profile_id',
            'queue_id',
            'channel',
            connect_lake.timestamp_key('valid_from_at')
        ], hashed=true) }} as routing_profile_queue_key,
        routing_profile_id,
        routing_profile_arn,
        routing_profile_name,
        queue_id,
        queue_arn,
        queue_name,
        channel,
        routing_priority,
        routing_delay_s,
        version_number,
        valid_from_at,
        valid_to_at,
        is_current_version,
        last_snapshot_at
    from versions
)

select * from final
