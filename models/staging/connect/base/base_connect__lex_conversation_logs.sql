-- Every log event of every Lex conversation-log object ever landed, read once (each run reads only the
-- objects this table does not hold yet): one row per element of a subscription envelope's logEvents, the
-- envelopes CloudWatch Logs sends to check the destination (CONTROL_MESSAGE) counted as blank. A log event
-- whose message is a Lex entry is typed here, duplicates included; a line, event or object that cannot be
-- used keeps its reason for stg_connect__quarantine. stg_connect__bot_turns keeps one copy per Lex request.
with landed as (
    -- the lines are numbered by a window frame without order by, which DuckDB streams and sqlfluff cannot
    -- parse: hence the noqa
    {{ connect_lake.landed_records('lex_conversation_logs', source('connect', 'lex_conversation_logs')) }}  -- noqa
),

typed as (
    select
        {{ connect_lake.landed_columns() }},

        record_key as log_event_id,
        {{ connect_lake.timestamp_from_epoch_ms('try_cast(payload.timestamp as bigint)') }} as logged_at,
        {{ connect_lake.json_str('payload.message', '$.requestId') }} as bot_turn_id,
        {{ connect_lake.json_str('payload.message', '$.sessionId') }} as contact_id,
        {{ connect_lake.json_str('payload.message', '$.bot.name') }} as bot_name,
        {{ connect_lake.json_str('payload.message', '$.bot.id') }} as bot_id,
        {{ connect_lake.json_str('payload.message', '$.bot.version') }} as bot_version,
        {{ connect_lake.json_str('payload.message', '$.bot.aliasName') }} as bot_alias_name,
        {{ connect_lake.json_str('payload.message', '$.bot.localeId') }} as locale_id,
        {{ connect_lake.json_str('payload.message', '$.inputMode') }} as input_mode,
        {{ connect_lake.json_str('payload.message', '$.operationName') }} as operation_name,
        {{ connect_lake.json_str('payload.message', '$.inputTranscript') }} as input_transcript,
        lower({{ connect_lake.json_str('payload.message', '$.missedUtterance') }}) = 'true'
            as is_missed_utterance,
        -- the top interpretation: the intent Lex recognised, with its confidence
        {{ connect_lake.json_str('payload.message', '$.interpretations[0].intent.name') }}
            as intent_name,
        try_cast(
            {{ connect_lake.json_str('payload.message', '$.interpretations[0].nluConfidence') }} as double
        ) as nlu_confidence,
        {{ connect_lake.json_str('payload.message', '$.sessionState.intent.state') }} as intent_state,
        {{ connect_lake.json_str('payload.message', '$.sessionState.dialogAction.type') }}
            as dialog_action_type,
        {{ connect_lake.json_str('payload.message', '$.sessionState.dialogAction.slotToElicit') }}
            as slot_to_elicit,
        {{ connect_lake.json_fragment('payload.message', '$.sessionState.intent.slots') }}
            as slots_json
    from landed
)

select * from typed
