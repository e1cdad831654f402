{{
    config(
        materialized='incremental',
        incremental_strategy='append',
        partitioned_by=['month(contact_date)'],
        pre_hook="{{ connect_lake.delete_rows_to_rebuild(
            'recording_id',
            connect_lake.changed_keys(ref('stg_connect__contact_recordings'), 'contact_id'),
            ['contact_id']
        ) }}",
    )
}}
-- One row per recording of a contact leg: call recordings and chat transcripts, where they are in S3, for
-- which participant, whether they are still available, and how long they run. An incremental run rebuilds
-- the recordings of the contacts whose recordings were rebuilt in staging.
with recordings as (
    select * from {{ ref('stg_connect__contact_recordings') }}
    where {{ connect_lake.ingested_since_last_run() }}
),

final as (
    select
        recording_id,
        contact_id,
        root_contact_id,
        channel,
        agent_arn,
        recording_location,
        recording_bucket,
        media_stream_type,
        participant_type,
        recording_status,
        deletion_reason,
        storage_type,
        fragment_start_number,
        fragment_stop_number,
        recording_started_at,
        recording_stopped_at,
        {{ connect_lake.duration_s('recording_started_at', 'recording_stopped_at', precision='second') }}
            as recording_duration_s,
        cast(initiated_at as date) as contact_date,
        {{ connect_lake.ingested_at() }} as _ingested_at
    from recordings
)

select * from final
