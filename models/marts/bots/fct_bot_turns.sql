{{
    config(
        materialized='incremental',
        unique_key='bot_turn_id',
        incremental_strategy='merge',
        partitioned_by=['turn_date'],
    )
}}
-- One row per utterance the chat bot handled: the contact, the bot and locale, the turn's place in the
-- conversation, what the customer typed (redacted: e-mail addresses and digit runs become [PII], as Contact
-- Lens redacts), the intent recognised and its confidence, whether Lex missed it, the slots filled and the
-- intent's state after it. An incremental run renumbers the conversations its new turns belong to.
with staged as (
    select * from {{ ref('stg_connect__bot_turns') }}
),

{%- if is_incremental() %}

touched_contacts as (
    select distinct contact_id
    from staged
    where {{ connect_lake.ingested_since_last_run() }}
),

turns as (
    select staged.*
    from staged
    inner join touched_contacts on staged.contact_id = touched_contacts.contact_id
),
{%- else %}

turns as (
    select * from staged
),
{%- endif %}

final as (
    select
        bot_turn_id,
        contact_id,
        cast(row_number() over (
            partition by contact_id order by logged_at, bot_turn_id
        ) as bigint) as turn_number,
        logged_at as turn_at,
        cast(logged_at as date) as turn_date,
        bot_name,
        bot_alias_name,
        bot_version,
        locale_id,
        input_mode,
        {{ connect_lake.regex_replace_all(
            connect_lake.regex_replace_all(
                'input_transcript', '[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+[.][A-Za-z]+', '[PII]'
            ),
            '[0-9][0-9 -]{2,}[0-9]', '[PII]'
        ) }} as redacted_input_transcript,
        intent_name,
        nlu_confidence,
        is_missed_utterance,
        not is_missed_utterance and coalesce(intent_name, 'FallbackIntent') <> 'FallbackIntent'
            as is_intent_recognised,
        intent_state,
        dialog_action_type,
        slot_to_elicit,
        -- a filled slot carries an interpretedValue; an unfilled one is null
        cast(
            (
                length(coalesce(slots_json, ''))
                - length(replace(coalesce(slots_json, ''), '"interpretedValue"', ''))
            ) / length('"interpretedValue"') as bigint
        ) as slots_filled_count,
        cast(delivery_count as bigint) as delivery_count,
        {{ connect_lake.ingested_at() }} as _ingested_at
    from turns
)

select * from final
