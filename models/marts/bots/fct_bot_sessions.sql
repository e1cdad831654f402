{{
    config(
        materialized='incremental',
        unique_key='contact_id',
        incremental_strategy='merge',
        partitioned_by=['session_date'],
    )
}}
-- One row per contact the chat bot talked to: how many turns, how many Lex missed, the intents it recognised,
-- where the conversation ended, and what became of the contact: contained by the bot (the flow ended it
-- there), handed to a queue, answered by an agent, or left. The outcome comes from fct_ivr_paths and
-- fct_contacts, whose contact records land after the chat ends: an incremental run recomputes the contacts
-- with new turns and those whose path or contact record is new.
with turns as (
    select * from {{ ref('fct_bot_turns') }}
),

paths as (
    select * from {{ ref('fct_ivr_paths') }}
),

contacts as (
    select * from {{ ref('fct_contacts') }}
),

{%- if is_incremental() %}

touched as (
    select contact_id from turns where {{ connect_lake.ingested_since_last_run() }}
    union
    select contact_id from paths where {{ connect_lake.ingested_since_last_run() }}
    union
    select contact_id from contacts where {{ connect_lake.ingested_since_last_run() }}
),

scoped_turns as (
    select turns.*
    from turns
    inner join touched on turns.contact_id = touched.contact_id
),
{%- else %}

scoped_turns as (
    select * from turns
),
{%- endif %}

sessions as (
    select
        contact_id,
        min(bot_name) as bot_name,
        min(locale_id) as locale_id,
        min(turn_at) as first_turn_at,
        max(turn_at) as last_turn_at,
        count(*) as turn_count,
        sum(case when is_missed_utterance then 1 else 0 end) as missed_utterance_count,
        sum(case when is_intent_recognised then 1 else 0 end) as recognised_turn_count,
        count(distinct case when is_intent_recognised then intent_name end) as distinct_intent_count,
        max(turn_number) as last_turn_number
    from scoped_turns
    group by 1
),

final as (
    select
        sessions.contact_id,
        sessions.bot_name,
        sessions.locale_id,
        sessions.first_turn_at,
        sessions.last_turn_at,
        cast(sessions.first_turn_at as date) as session_date,
        cast(sessions.turn_count as bigint) as turn_count,
        cast(sessions.missed_utterance_count as bigint) as missed_utterance_count,
        cast(sessions.recognised_turn_count as bigint) as recognised_turn_count,
        cast(sessions.distinct_intent_count as bigint) as distinct_intent_count,
        last_turns.intent_name as final_intent_name,
        last_turns.intent_state as final_intent_state,
        paths.ivr_outcome,
        paths.ivr_outcome = 'contained' as is_contained_by_bot,
        paths.ivr_outcome = 'queued' as is_escalated_to_queue,
        contacts.is_handled as is_answered_by_agent,
        contacts.queue_name,
        paths.contact_id is not null as has_ivr_path,
        {{ connect_lake.ingested_at() }} as _ingested_at
    from sessions
    inner join scoped_turns as last_turns
        on
            sessions.contact_id = last_turns.contact_id
            and sessions.last_turn_number = last_turns.turn_number
    left join paths on sessions.contact_id = paths.contact_id
    left join contacts on sessions.contact_id = contacts.contact_id
)

select * from final
