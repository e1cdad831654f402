
  
    create table
    "iceberg"."connect_lake_marts"."fct_recordings__dbt_tmp"
    
  (
    recording_id varchar,
    contact_id varchar,
    root_contact_id varchar,
    channel varchar,
    agent_arn varchar,
    recording_location varchar,
    recording_bucket varchar,
    media_stream_type varchar,
    participant_type varchar,
    recording_status varchar,
    deletion_reason varchar,
    storage_type varchar,
    fragment_start_number varchar,
    fragment_stop_number varchar,
    recording_started_at timestamp,
    recording_stopped_at timestamp,
    recording_duration_s bigint,
    contact_date date,
    _ingested_at timestamp
    
    )

    
    comment 'One row per recording of a contact leg, from the contact record''s Recordings array (newest copy of the record): call recordings (AUDIO) and chat transcripts (CHAT), where they are in S3, for which participant, and whether they are still available.
'
    
    with (
        format = 'PARQUET',
        partitioning = array['month(contact_date)']
    )
  ;

  insert into "iceberg"."connect_lake_marts"."fct_recordings__dbt_tmp"
    (
      
    select recording_id, contact_id, root_contact_id, channel, agent_arn, recording_location, recording_bucket, media_stream_type, participant_type, recording_status, deletion_reason, storage_type, fragment_start_number, fragment_stop_number, recording_started_at, recording_stopped_at, recording_duration_s, contact_date, _ingested_at
    from (
        
-- One row per recording of a contact leg (the contact record's Recordings array: voice call recordings and
-- chat transcripts), from the newest copy of the record, so a recording deleted after the contact (a
-- re-delivered record with a DeletionReason) shows its latest status. An incremental run rebuilds the
-- recordings of the contact records that changed.
with legs as (
    select * from "iceberg"."connect_lake_staging"."stg_connect__contact_records"
    where true
),

flattened as (
    select
        legs.contact_id,
        coalesce(legs.initial_contact_id, legs.contact_id) as root_contact_id,
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
    cross join unnest(legs.recordings) as recording (deletion_reason, fragment_start_number, fragment_stop_number, location, media_stream_type, participant_type, start_timestamp, stop_timestamp, status, storage_type)
),

final as (
    select
        lower(to_hex(md5(to_utf8(cast(contact_id || '|' || coalesce(location, '') || '|' || coalesce(participant_type, '') || '|' || coalesce(start_timestamp, '') as varchar))))) as recording_id,
        contact_id,
        root_contact_id,
        channel,
        agent_arn,
        location as recording_location,
        
  
    

    split_part(
        location,
        '/',
        1
        )


  
 as recording_bucket,
        media_stream_type,
        participant_type,
        status as recording_status,
        deletion_reason,
        storage_type,
        fragment_start_number,
        fragment_stop_number,
        cast(from_iso8601_timestamp(start_timestamp) at time zone 'UTC' as timestamp(6)) as recording_started_at,
        cast(from_iso8601_timestamp(stop_timestamp) at time zone 'UTC' as timestamp(6)) as recording_stopped_at,
        cast(floor(to_unixtime(cast(from_iso8601_timestamp(stop_timestamp) at time zone 'UTC' as timestamp(6))) - to_unixtime(cast(from_iso8601_timestamp(start_timestamp) at time zone 'UTC' as timestamp(6)))) as bigint) as recording_duration_s,
        cast(initiated_at as date) as contact_date,
        cast('2026-12-02 03:54:05.883060' as timestamp(6)) as _ingested_at
    from flattened
)

select * from final
    ) as model_subq
    )
  ;

  