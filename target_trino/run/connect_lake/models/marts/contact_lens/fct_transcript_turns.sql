
  
    create table
    "iceberg"."connect_lake_marts"."fct_transcript_turns__dbt_tmp"
    
  (
    transcript_turn_id varchar,
    contact_id varchar,
    turn_sequence bigint,
    item_id varchar,
    channel varchar,
    participant_role varchar,
    participant_id varchar,
    item_type varchar,
    content_type varchar,
    content varchar,
    transcript_output varchar,
    begins_at_offset_s double,
    ends_at_offset_s double,
    duration_s double,
    sent_at timestamp,
    sentiment varchar,
    issues_detected_count bigint,
    agent_arn varchar,
    contact_date date,
    _ingested_at timestamp
    
    )

    
    comment 'One row per utterance (voice) or chat message or event of an analysed contact leg, in conversation order. The text is from the redacted Contact Lens output unless var allow_original_transcripts is on (transcript_output says which); chat display names are left out.
'
    
    with (
        format = 'PARQUET',
        partitioning = array['month(contact_date)']
    )
  ;

  insert into "iceberg"."connect_lake_marts"."fct_transcript_turns__dbt_tmp"
    (
      
    select transcript_turn_id, contact_id, turn_sequence, item_id, channel, participant_role, participant_id, item_type, content_type, content, transcript_output, begins_at_offset_s, ends_at_offset_s, duration_s, sent_at, sentiment, issues_detected_count, agent_arn, contact_date, _ingested_at
    from (
        
-- One row per utterance (voice) or chat message or event, in conversation order, with who spoke, when and
-- how it felt. The text comes from the redacted Contact Lens output unless var allow_original_transcripts
-- is on; transcript_output says which.
with items as (
    select * from "iceberg"."connect_lake_staging"."stg_connect__transcript_items"
),

analyses as (
    select * from "iceberg"."connect_lake_marts"."fct_contact_analysis"
    where true
),

final as (
    select
        items.contact_id || '|' || 
    cast(items.item_sequence as VARCHAR)
 as transcript_turn_id,
        items.contact_id,
        cast(items.item_sequence as bigint) as turn_sequence,
        items.item_id,
        items.channel,
        items.participant_role,
        items.participant_id,
        items.item_type,
        items.content_type,
        items.content,
        items.transcript_output,
        (cast((items.begin_offset_ms) as double) / 1000) as begins_at_offset_s,
        (cast((items.end_offset_ms) as double) / 1000) as ends_at_offset_s,
        (cast((items.end_offset_ms - items.begin_offset_ms) as double) / 1000) as duration_s,
        items.sent_at,
        items.sentiment,
        cast(items.issues_detected_count as bigint) as issues_detected_count,
        analyses.agent_arn,
        analyses.contact_date,
        cast('2026-12-02 03:54:05.883060' as timestamp(6)) as _ingested_at
    from items
    inner join analyses on items.contact_id = analyses.contact_id
)

select * from final
    ) as model_subq
    )
  ;

  