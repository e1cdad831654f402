-- One row per channel: how far the warehouse's numbers are final. A contact record lands once its contact
-- has ended, so the data's cut is the newest disconnect a record shows (not its LastUpdateTimestamp, which a
-- re-delivery moves days on), and a period can still gain contacts until it lies the channel's longest
-- contact (initiation to disconnect) before the cut: the last hours of voice and chat, a day or more of
-- tasks, look quieter than they were. A journey's repeat and first-contact-resolution flags are final once
-- fcr_window_days have passed since it began, within the data. Rebuilt whole each run (one aggregate over
-- fct_contacts).
with contacts as (
    select * from {{ ref('fct_contacts') }}
),

instance as (
    select
        max(disconnected_at) as data_cut_at,
        max(initiated_at) as newest_contact_at
    from contacts
),

channels as (
    select
        channel,
        max({{ connect_lake.duration_s('initiated_at', 'disconnected_at', precision='second') }})
            as longest_contact_s
    from contacts
    where disconnected_at is not null
    group by 1
),

final as (
    select
        channels.channel,
        instance.data_cut_at,
        instance.newest_contact_at,
        cast(channels.longest_contact_s as bigint) as longest_contact_s,
        cast(
            {{ dbt.dateadd(
                'second', '-1 * cast(channels.longest_contact_s as bigint)', 'instance.data_cut_at'
            ) }}
            as {{ connect_lake.timestamp_type() }}
        ) as contacts_final_until_at,
        cast(
            {{ dbt.dateadd('day', -1 * var('fcr_window_days'), 'instance.newest_contact_at') }}
            as {{ connect_lake.timestamp_type() }}
        ) as repeat_windows_final_until_at
    from channels
    cross join instance
)

select * from final
