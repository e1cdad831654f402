
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