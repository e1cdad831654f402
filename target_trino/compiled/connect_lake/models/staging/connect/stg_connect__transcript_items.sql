
-- One row per transcript item of an analysed contact's newest analysis: an utterance (voice) or a message or
-- event (chat), in conversation order (the order of the document's Transcript array). Text is redacted unless
-- var allow_original_transcripts is on. An incremental run rebuilds the contacts whose newest analysis
-- changed.
with analyses as (
    select * from "iceberg"."connect_lake_staging"."stg_connect__contact_analyses"
    where true
),

items as (
    select
        analyses.contact_id || '|' || 
    cast(items.item_sequence as VARCHAR)
 as transcript_item_id,
        analyses.contact_id,
        analyses.channel,
        analyses.transcript_output,
        cast(items.item_sequence as bigint) as item_sequence,
        items.item_id,
        -- voice items carry only the participant id, which is the role (AGENT or CUSTOMER); the chat.ended
        -- event has neither
        coalesce(items.participant_role, items.participant_id, 'SYSTEM') as participant_role,
        items.participant_id,
        items.display_name,
        coalesce(items.item_type, 'UTTERANCE') as item_type,
        items.content_type,
        items.content,
        items.begin_offset_ms,
        items.end_offset_ms,
        cast(try(from_iso8601_timestamp(items.absolute_time)) at time zone 'UTC' as timestamp(6)) as sent_at,
        items.sentiment,
        items.loudness_scores,
        coalesce(cardinality(items.issues_detected), 0) as issues_detected_count,
        analyses._ingested_at
    from analyses
    cross join unnest(analyses.transcript) with ordinality as items (item_id, participant_id, participant_role, display_name, item_type, content_type, content, begin_offset_ms, end_offset_ms, absolute_time, sentiment, loudness_scores, issues_detected, item_sequence)
)

select * from items