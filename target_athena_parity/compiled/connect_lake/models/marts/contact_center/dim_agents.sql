-- The agents seen on contact records, with their latest routing profile and hierarchy. (A history of
-- configuration changes comes from the agent event stream.)
with observed as (
    select
        agent_arn,
        agent_username,
        routing_profile_name,
        agent_hierarchy_level1,
        agent_hierarchy_level2,
        agent_hierarchy_level3,
        connected_to_agent_at,
        last_updated_at
    from "awsdatacatalog"."connect_lake_staging"."stg_connect__contact_records"
    where agent_arn is not null
),

latest as (
    select
        *,
        row_number() over (partition by agent_arn order by connected_to_agent_at desc, last_updated_at desc)
            as recency,
        min(connected_to_agent_at) over (partition by agent_arn) as first_contact_at,
        max(connected_to_agent_at) over (partition by agent_arn) as last_contact_at
    from observed
),

final as (
    select
        agent_arn,
        

    split_part(
        agent_arn,
        '/',
        4
        )

 as agent_id,
        agent_username,
        routing_profile_name,
        agent_hierarchy_level1,
        agent_hierarchy_level2,
        agent_hierarchy_level3,
        first_contact_at,
        last_contact_at
    from latest
    where recency = 1
)

select * from final