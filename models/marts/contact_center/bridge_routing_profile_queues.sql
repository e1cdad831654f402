-- Which queues a routing profile's agents take contacts from, per channel, with the priority (1 first) and
-- the delay (seconds a contact waits before it may reach them), as a type-2 history from the daily
-- configuration snapshots: a version per profile × queue × channel while its priority, delay and names stay
-- the same.
with queue_configs as (
    select * from {{ ref('int_routing_profile_queues__flattened') }}
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
