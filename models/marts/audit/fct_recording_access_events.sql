{{
    config(
        materialized='incremental',
        unique_key='recording_access_event_id',
        incremental_strategy='merge',
        partitioned_by=['event_date'],
    )
}}
-- One row per S3 data event on a contact's recording or chat transcript (Connect's CallRecordings/ and
-- ChatTranscripts/ folders): who fetched or deleted which contact's recording, how, and whether it was
-- allowed.
-- A recording played in Connect's own contact search is fetched by Connect's service-linked role
-- (access_channel connect_service): the person who listened is in Connect, not in this event. An event whose
-- recording has not reached fct_recordings yet (its contact record lands later) keeps the contact id its key
-- names and is joined again on the next run.
with new_events as (
    select * from {{ ref('stg_connect__cloudtrail_events') }}
    where
        event_source = 's3.amazonaws.com'
        and {{ connect_lake.regex_matches('s3_object_key', '/(CallRecordings|ChatTranscripts)/') }}
        and {{ connect_lake.ingested_since_last_run() }}
),

{%- if is_incremental() %}

unmatched_before as (
    select recording_access_event_id from {{ this }} where recording_id is null
),

events as (
    select * from new_events
    union all
    select staged.*
    from {{ ref('stg_connect__cloudtrail_events') }} as staged
    inner join unmatched_before on staged.event_id = unmatched_before.recording_access_event_id
    where staged.event_id not in (select event_id from new_events)
),
{%- else %}

events as (
    select * from new_events
),
{%- endif %}

located as (
    select
        *,
        s3_bucket_name || '/' || s3_object_key as recording_location
    from events
),

recordings as (
    select
        recording_location,
        min(recording_id) as recording_id,
        min(contact_id) as contact_id
    from {{ ref('fct_recordings') }}
    group by 1
),

final as (
    select
        events.event_id as recording_access_event_id,
        events.event_at,
        cast(events.event_at as date) as event_date,
        events.event_name,
        case events.event_name
            when 'GetObject' then 'fetch'
            when 'DeleteObject' then 'delete'
            else 'other'
        end as access_type,
        case
            when events.identity_invoked_by = 'connect.amazonaws.com' then 'connect_service'
            else 'direct'
        end as access_channel,
        events.is_success,
        events.error_code,
        events.identity_arn as actor_arn,
        events.identity_role_arn as actor_role_arn,
        events.actor_name,
        events.source_ip_address,
        events.user_agent,
        events.recording_location,
        recordings.recording_id,
        coalesce(
            recordings.contact_id,
            {{ connect_lake.regex_extract('events.s3_object_key', '/([0-9a-f-]{36})_[^/]*$') }}
        ) as contact_id,
        recordings.recording_id is not null as is_known_recording,
        {{ connect_lake.ingested_at() }} as _ingested_at
    from located as events
    left join recordings on events.recording_location = recordings.recording_location
)

select * from final
