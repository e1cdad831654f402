{{
    config(
        materialized='incremental',
        unique_key='bot_turn_id',
        incremental_strategy='merge',
    )
}}
-- One row per utterance the chat bot handled (Lex's requestId), re-deliveries removed: the contact (Lex's
-- session id is Connect's contact id), the bot, what the customer typed (slot values obfuscated as {Slot} by
-- the bot's log settings), the intent recognised and how sure, the dialog's state after it. A subscription
-- delivers at least once: the copy in the first object landed is kept.
{%- set columns = [
    'bot_turn_id', 'contact_id', 'logged_at', 'bot_name', 'bot_id', 'bot_version', 'bot_alias_name', 'locale_id',
    'input_mode', 'operation_name', 'input_transcript', 'is_missed_utterance', 'intent_name', 'nlu_confidence',
    'intent_state', 'dialog_action_type', 'slot_to_elicit', 'slots_json', 'log_event_id', '_source_file',
    '_datehour', '_line_number',
] %}
with new_copies as (
    select * from {{ ref('base_connect__lex_conversation_logs') }}
    where _row_kind = 'record' and {{ connect_lake.ingested_since_last_run() }}
),

{{ connect_lake.keep_one_copy('new_copies', 'bot_turn_id', '_source_file, _line_number', columns) }}

select
    {{ columns | join(',\n    ') }},
    delivery_count,
    newest_ingested_at as _ingested_at
from ranked
where copy_rank = 1
