-- One row per routing profile × queue × channel per daily configuration snapshot: the profile's queue configs
-- flattened, with the priority and delay each had in that snapshot.
with profile_snapshots as (
    select * from {{ ref('stg_connect__config_routing_profiles') }}
),

flattened as (
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
)

select * from flattened
