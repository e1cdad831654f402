with observed as (
    select
        queue_arn,
        max(queue_name) as queue_name,
        max(channel) as channel
    from "iceberg"."connect_lake_staging"."stg_connect__contact_records"
    where queue_arn is not null
    group by 1
),

targets as (
    select * from "iceberg"."connect_lake_reference"."queue_service_level_targets"
),

final as (
    select
        observed.queue_arn,
        
  
    

    split_part(
        observed.queue_arn,
        '/',
        4
        )


  
 as queue_id,
        observed.queue_name,
        case when observed.queue_arn like '%/queue/agent/%' then 'AGENT' else 'STANDARD' end as queue_type,
        observed.channel,
        cast(
            coalesce(
                targets.service_level_threshold_s, 20
            ) as bigint
        ) as service_level_threshold_s,
        cast(targets.service_level_target_pct as double) as service_level_target_pct
    from observed
    left join targets on observed.queue_name = targets.queue_name
)

select * from final