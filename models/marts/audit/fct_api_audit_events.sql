{{
    config(
        materialized='incremental',
        unique_key='api_audit_event_id',
        incremental_strategy='merge',
        partitioned_by=['event_date'],
    )
}}
-- One row per Amazon Connect API call CloudTrail recorded (management events of connect.amazonaws.com): who
-- called it, from where, what it did to which resource, when, and whether it was allowed. The resource is the
-- id the request names (a user, queue, flow, routing profile, hours of operation, contact).
with events as (
    select * from {{ ref('stg_connect__cloudtrail_events') }}
    where
        event_source = 'connect.amazonaws.com'
        and {{ connect_lake.ingested_since_last_run() }}
),

with_resource as (
    select
        events.*,
        {{ connect_lake.json_str('request_parameters', '$.UserId') }} as user_id,
        {{ connect_lake.json_str('request_parameters', '$.QueueId') }} as queue_id,
        {{ connect_lake.json_str('request_parameters', '$.ContactFlowId') }} as contact_flow_id,
        {{ connect_lake.json_str('request_parameters', '$.RoutingProfileId') }} as routing_profile_id,
        {{ connect_lake.json_str('request_parameters', '$.HoursOfOperationId') }} as hours_of_operation_id,
        {{ connect_lake.json_str('request_parameters', '$.ContactId') }} as request_contact_id
    from events
),

final as (
    select
        event_id as api_audit_event_id,
        event_at,
        cast(event_at as date) as event_date,
        event_name,
        is_read_only,
        is_success,
        error_code,
        error_message,
        identity_type,
        identity_arn as actor_arn,
        identity_role_arn as actor_role_arn,
        actor_name,
        source_ip_address,
        user_agent,
        instance_id,
        case
            when user_id is not null then 'user'
            when queue_id is not null then 'queue'
            when contact_flow_id is not null then 'contact-flow'
            when routing_profile_id is not null then 'routing-profile'
            when hours_of_operation_id is not null then 'hours-of-operation'
            when request_contact_id is not null then 'contact'
        end as resource_type,
        coalesce(
            user_id, queue_id, contact_flow_id, routing_profile_id, hours_of_operation_id, request_contact_id
        ) as resource_id,
        aws_region,
        aws_account_id,
        request_id,
        cast(delivery_count as bigint) as delivery_count,
        {{ connect_lake.ingested_at() }} as _ingested_at
    from with_resource
)

select * from final
