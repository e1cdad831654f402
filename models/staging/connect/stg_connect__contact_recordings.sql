{{
    config(
        materialized='incremental',
        incremental_strategy='append',
        pre_hook="{{ connect_lake.delete_rows_to_rebuild(
            'recording_id',
            connect_lake.changed_keys(ref('stg_connect__contact_records'), 'contact_id'),
            ['contact_id']
        ) }}",
    )
}}
-- One row per element of a contact record's Recordings array (voice call recordings and chat transcripts),
-- from the kept copy of the record, so a recording deleted after the contact (a re-delivered record with a
-- DeletionReason) shows its latest status. An incremental run rebuilds the recordings of the contact records
-- that changed.
with legs as (
    select * from {{ ref('stg_connect__contact_records') }}
    where {{ connect_lake.ingested_since_last_run() }}
),

flattened as (
    select
        legs.contact_id,
        legs.root_contact_id,
        legs.channel,
        legs.agent_arn,
        legs.initiated_at,
        recording.deletion_reason,
        recording.fragment_start_number,
        recording.fragment_stop_number,
        recording.location,
        recording.media_stream_type,
        recording.participant_type,
        recording.start_timestamp,
        recording.stop_timestamp,
        recording.status,
        recording.storage_type
    from legs
    {{ connect_lake.unnest_rows(
        'legs.recordings', 'recording',
        ['deletion_reason', 'fragment_start_number', 'fragment_stop_number', 'location', 'media_stream_type',
         'participant_type', 'start_timestamp', 'stop_timestamp', 'status', 'storage_type']
    ) }}
),

final as (
    select
        {{ connect_lake.surrogate_key([
            'contact_id',
            'location',
            'participant_type',
            'start_timestamp'
        ], hashed=true) }} as recording_id,
        contact_id,
        root_contact_id,
        channel,
        agent_arn,
        initiated_at,
        location as recording_location,
        {{ dbt.split_part('location', "'/'", 1) }} as recording_bucket,
        media_stream_type,
        participant_type,
        status as recording_status,
        deletion_reason,
        storage_type,
        fragment_start_number,
        fragment_stop_number,
        {{ connect_lake.parse_iso8601_ts('start_timestamp') }} as recording_started_at,
        {{ connect_lake.parse_iso8601_ts('stop_timestamp') }} as recording_stopped_at,
        {{ connect_lake.ingested_at() }} as _ingested_at
    from flattened
)

select * from final
