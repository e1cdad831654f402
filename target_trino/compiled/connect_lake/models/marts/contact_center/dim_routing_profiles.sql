with observed as (
    select
        routing_profile_arn,
        routing_profile_name,
        last_updated_at
    from "iceberg"."connect_lake_staging"."stg_connect__contact_records"
    where routing_profile_arn is not null
),

latest as (
    select
        *,
        row_number() over (partition by routing_profile_arn order by last_updated_at desc) as recency
    from observed
),

final as (
    select
        routing_profile_arn,
        
  
    

    split_part(
        routing_profile_arn,
        '/',
        4
        )


  
 as routing_profile_id,
        routing_profile_name
    from latest
    where recency = 1
)

select * from final