-- One row per routing profile: every profile of the newest configuration snapshot and every profile seen on
-- contact records, with its default outbound queue, media concurrency per channel and queue count from the
-- newest snapshot that shows it (bridge_routing_profile_queues has its queues).
with observed_copies as (
    select
        routing_profile_arn,
        routing_profile_name,
        row_number() over (partition by routing_profile_arn order by last_updated_at desc) as recency
    from {{ ref('stg_connect__contact_records') }}
    where routing_profile_arn is not null
),

observed as (
    select * from observed_copies
    where recency = 1
),

{{ connect_lake.newest_snapshots(
    'configured', ref('stg_connect__config_routing_profiles'), 'routing_profile_arn'
) }},

concurrencies as (
    select
        configured.routing_profile_arn,
        concurrency.channel,
        concurrency.slots
    from configured
    {{ connect_lake.unnest_rows('configured.media_concurrencies', 'concurrency', ['channel', 'slots']) }}
),

concurrency_by_channel as (
    select
        routing_profile_arn,
        max(case when channel = 'VOICE' then slots end) as voice_concurrency,
        max(case when channel = 'CHAT' then slots end) as chat_concurrency,
        max(case when channel = 'TASK' then slots end) as task_concurrency,
        max(case when channel = 'EMAIL' then slots end) as email_concurrency
    from concurrencies
    group by 1
),

final as (
    select
        coalesce(observed.routing_profile_arn, configured.routing_profile_arn) as routing_profile_arn,
        {{ dbt.split_part(
            'coalesce(observed.routing_profile_arn, configured.routing_profile_arn)', "'/'", 4
        ) }} as routing_profile_id,
        coalesce(configured.routing_profile_name, observed.routing_profile_name) as routing_profile_name,
        configured.routing_profile_description,
        configured.default_outbound_queue_id,
        cast(concurrency_by_channel.voice_concurrency as bigint) as voice_concurrency,
        cast(concurrency_by_channel.chat_concurrency as bigint) as chat_concurrency,
        cast(concurrency_by_channel.task_concurrency as bigint) as task_concurrency,
        cast(concurrency_by_channel.email_concurrency as bigint) as email_concurrency,
        cast({{ connect_lake.array_length('configured.queue_configs') }} as bigint) as queue_config_count,
        configured.snapshot_at as configuration_snapshot_at,
        coalesce(configured.is_in_newest_snapshot, false) as is_in_current_configuration
    from observed
    full outer join configured on observed.routing_profile_arn = configured.routing_profile_arn
    left join concurrency_by_channel
        on configured.routing_profile_arn = concurrency_by_channel.routing_profile_arn
)

select * from final
