-- One row per flow: every flow of the configuration snapshots and every flow seen in the flow logs, with its
-- type, state and status from the newest snapshot that shows it. A flow no snapshot shows (no snapshots yet,
-- or a flow the logs name that has since been deleted) takes its type from var contact_flow_types by name.
with logged as (
    select
        contact_flow_id,
        max(contact_flow_arn) as contact_flow_arn,
        max(contact_flow_name) as contact_flow_name
    from {{ ref('stg_connect__contact_flow_logs') }}
    where contact_flow_id is not null
    group by 1
),

{{ connect_lake.newest_snapshots(
    'configured', ref('stg_connect__config_contact_flows'), 'contact_flow_id'
) }},

flows as (
    select
        coalesce(configured.contact_flow_id, logged.contact_flow_id) as contact_flow_id,
        coalesce(configured.contact_flow_arn, logged.contact_flow_arn) as contact_flow_arn,
        coalesce(configured.contact_flow_name, logged.contact_flow_name) as contact_flow_name,
        configured.contact_flow_type as configured_contact_flow_type,
        configured.contact_flow_state,
        configured.contact_flow_status,
        configured.snapshot_at as configuration_snapshot_at,
        coalesce(configured.is_in_newest_snapshot, false) as is_in_current_configuration,
        logged.contact_flow_id is not null as is_in_flow_logs
    from configured
    full outer join logged on configured.contact_flow_id = logged.contact_flow_id
),

final as (
    select
        contact_flow_id,
        contact_flow_arn,
        contact_flow_name,
        coalesce(
            configured_contact_flow_type, {{ connect_lake.contact_flow_type('contact_flow_name') }}
        ) as contact_flow_type,
        case
            when configured_contact_flow_type is not null then 'configuration'
            else 'contact_flow_types'
        end as contact_flow_type_source,
        contact_flow_state,
        contact_flow_status,
        configuration_snapshot_at,
        is_in_current_configuration,
        is_in_flow_logs
    from flows
)

select * from final
