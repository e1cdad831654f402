{{
    config(
        partitioned_by=['month(contact_date)'],
        materialized='incremental',
        incremental_strategy='append',
        pre_hook="{{ connect_lake.delete_rows_to_rebuild(
            'transcript_turn_id', connect_lake.changed_keys(ref('fct_contact_analysis'), 'contact_id'), ['contact_id']
        ) }}",
    )
}}
-- One row per utterance (voice) or chat message or event, in conversation order, with who spoke, when and
-- how it felt. The text comes from the redacted Contact Lens output unless var allow_original_transcripts
-- is on; transcript_output says which.
with items as (
    select * from {{ ref('stg_connect__transcript_items') }}
    {%- if is_incremental() %}
    where contact_id in ({{ connect_lake.changed_keys(ref('fct_contact_analysis'), 'contact_id') }})
    {%- endif %}
),

analyses as (
    select * from {{ ref('fct_contact_analysis') }}
    where {{ connect_lake.ingested_since_last_run() }}
),

final as (
    select
        {{ connect_lake.surrogate_key([
            'items.contact_id',
            'items.item_sequence'
        ]) }} as transcript_turn_id,
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
        {{ connect_lake.ms_to_s('items.begin_offset_ms') }} as begins_at_offset_s,
        {{ connect_lake.ms_to_s('items.end_offset_ms') }} as ends_at_offset_s,
        {{ connect_lake.ms_to_s('items.end_offset_ms - items.begin_offset_ms') }} as duration_s,
        items.sent_at,
        items.sentiment,
        cast(items.issues_detected_count as bigint) as issues_detected_count,
        analyses.agent_arn,
        analyses.contact_date,
        {{ connect_lake.ingested_at() }} as _ingested_at
    from items
    inner join analyses on items.contact_id = analyses.contact_id
)

select * from final
