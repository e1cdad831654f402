{{
    config(
        materialized='incremental',
        incremental_strategy='append',
        pre_hook="{{ connect_lake.delete_rows_to_rebuild(
            'transcript_item_id', connect_lake.changed_keys(ref('stg_connect__contact_analyses'), 'contact_id'),
            ['contact_id']
        ) }}",
    )
}}
-- One row per transcript item of an analysed contact's newest analysis: an utterance (voice) or a message or
-- event (chat), in conversation order (the order of the document's Transcript array). Text is redacted unless
-- var allow_original_transcripts is on. An incremental run rebuilds the contacts whose newest analysis
-- changed.
with analyses as (
    select * from {{ ref('stg_connect__contact_analyses') }}
    where {{ connect_lake.ingested_since_last_run() }}
),

items as (
    select
        {{ connect_lake.surrogate_key([
            'analyses.contact_id',
            'items.item_sequence'
        ]) }} as transcript_item_id,
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
        {{ connect_lake.try_parse_iso8601_ts('items.absolute_time') }} as sent_at,
        items.sentiment,
        items.loudness_scores,
        coalesce({{ connect_lake.array_length('items.issues_detected') }}, 0) as issues_detected_count,
        analyses._ingested_at
    from analyses
    {{ connect_lake.unnest_rows(
        'analyses.transcript', 'items', connect_lake.transcript_item_fields(), ordinal='item_sequence'
    ) }}
)

select * from items
