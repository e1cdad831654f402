-- Daily IVR containment and drop-off per entry flow: of the contacts that entered an inbound flow, how many
-- self-service ended (contained), how many went to a queue, and where the ones who hung up dropped.
with paths as (
    select * from {{ ref('fct_ivr_paths') }}
    where entry_contact_flow_type = 'CONTACT_FLOW'
),

daily as (
    select
        ivr_date,
        entry_contact_flow_name,
        count(*) as contacts_entered,
        sum(case when is_self_service_contained then 1 else 0 end) as contacts_contained,
        sum(case when has_reached_queue then 1 else 0 end) as contacts_queued,
        sum(case when ivr_outcome = 'closed' then 1 else 0 end) as contacts_closed,
        sum(case when is_dropped_in_flow then 1 else 0 end) as contacts_dropped,
        sum(case when has_external_call_error then 1 else 0 end) as contacts_with_lambda_error,
        sum(ivr_duration_s) as sum_ivr_duration_s
    from paths
    group by 1, 2
),

drop_blocks as (
    select
        ivr_date,
        entry_contact_flow_name,
        exit_module_type as drop_module_type,
        count(*) as drops,
        row_number() over (
            partition by ivr_date, entry_contact_flow_name order by count(*) desc, exit_module_type
        ) as drop_rank
    from paths
    where is_dropped_in_flow
    group by 1, 2, 3
)

select
    daily.ivr_date,
    daily.entry_contact_flow_name,
    daily.contacts_entered,
    100 * cast(daily.contacts_contained as double) / daily.contacts_entered as containment_rate_pct,
    100 * cast(daily.contacts_queued as double) / daily.contacts_entered as queued_pct,
    100 * cast(daily.contacts_dropped as double) / daily.contacts_entered as drop_rate_pct,
    daily.contacts_closed,
    daily.contacts_with_lambda_error,
    daily.sum_ivr_duration_s / daily.contacts_entered as avg_ivr_duration_s,
    drop_blocks.drop_module_type as top_drop_module_type
from daily
left join drop_blocks
    on
        daily.ivr_date = drop_blocks.ivr_date
        and daily.entry_contact_flow_name = drop_blocks.entry_contact_flow_name
        and drop_blocks.drop_rank = 1
order by 1, 2
