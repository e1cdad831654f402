{{
    config(
        materialized='incremental',
        unique_key='contact_id',
        incremental_strategy='merge',
    )
}}
-- One row per analysed contact leg: the newest completed Contact Lens analysis, its conversation
-- characteristics as typed columns. A contact analysed again gets a newer document (a later time in its
-- name), which replaces the older one even when it lands first. Voice and chat files put the same measures at
-- different paths (voice: by participant id; chat: by participant role), so each measure takes whichever path
-- the file has. The JSONPaths make long lines when rendered.
-- noqa: disable=LT05
{%- set columns = [
    'contact_id', 'instance_id', 'analysed_object_uri', 'channel', 'analysis_version', 'language_code',
    'transcript_output', 'analysed_at', 'matched_categories', 'characteristics_json', 'transcript',
    '_source_file', '_datehour', '_line_number',
] %}
with new_copies as (
    select * from {{ ref('base_connect__contact_lens_analyses') }}
    where
        _row_kind = 'record'
        and job_status = 'COMPLETED'
        and {{ connect_lake.ingested_since_last_run() }}
),

{{ connect_lake.keep_one_copy(
    'new_copies', 'contact_id', 'analysed_at desc, _source_file desc, _line_number desc', columns
) }},

analyses as (
    select
        {{ columns | join(',\n        ') }},
        delivery_count,
        newest_ingested_at as _ingested_at
    from ranked
    where copy_rank = 1
),

measured as (
    select
        analyses.contact_id,
        analyses.channel,
        analyses.analysed_at,
        analyses.transcript_output,
        analyses.language_code,
        analyses.analysis_version,
        analyses.analysed_object_uri,

        coalesce(
            {{ connect_lake.characteristic('$.Sentiment.OverallSentiment.CUSTOMER') }},
            {{ connect_lake.characteristic('$.Sentiment.OverallSentiment.DetailsByParticipantRole.CUSTOMER') }}
        ) as customer_sentiment_overall,
        coalesce(
            {{ connect_lake.characteristic('$.Sentiment.OverallSentiment.AGENT') }},
            {{ connect_lake.characteristic('$.Sentiment.OverallSentiment.DetailsByParticipantRole.AGENT') }}
        ) as agent_sentiment_overall,
        -- voice: the first and last quarter; chat: the sentiment shift's begin and end scores
        coalesce(
            {{ connect_lake.characteristic('$.Sentiment.SentimentByPeriod.QUARTER.CUSTOMER[0].Score') }},
            {{ connect_lake.characteristic('$.Sentiment.SentimentShift.DetailsByParticipantRole.CUSTOMER.BeginScore') }}
        ) as customer_sentiment_begin,
        coalesce(
            {{ connect_lake.characteristic('$.Sentiment.SentimentByPeriod.QUARTER.CUSTOMER[3].Score') }},
            {{ connect_lake.characteristic('$.Sentiment.SentimentShift.DetailsByParticipantRole.CUSTOMER.EndScore') }}
        ) as customer_sentiment_end,
        coalesce(
            {{ connect_lake.characteristic('$.Sentiment.SentimentByPeriod.QUARTER.AGENT[0].Score') }},
            {{ connect_lake.characteristic('$.Sentiment.SentimentShift.DetailsByParticipantRole.AGENT.BeginScore') }}
        ) as agent_sentiment_begin,
        coalesce(
            {{ connect_lake.characteristic('$.Sentiment.SentimentByPeriod.QUARTER.AGENT[3].Score') }},
            {{ connect_lake.characteristic('$.Sentiment.SentimentShift.DetailsByParticipantRole.AGENT.EndScore') }}
        ) as agent_sentiment_end,
        {{ connect_lake.characteristic('$.Sentiment.OverallSentiment.DetailsByInteraction.DetailsByParticipantRole.CUSTOMER.WithAgent') }}
            as customer_sentiment_with_agent,
        {{ connect_lake.characteristic('$.Sentiment.OverallSentiment.DetailsByInteraction.DetailsByParticipantRole.CUSTOMER.WithoutAgent') }}
            as customer_sentiment_without_agent,

        {{ connect_lake.characteristic('$.TotalConversationDurationMillis', 'bigint') }} as conversation_duration_ms,
        {{ connect_lake.characteristic('$.TalkTime.TotalTimeMillis', 'bigint') }} as talk_time_ms,
        {{ connect_lake.characteristic('$.TalkTime.DetailsByParticipant.AGENT.TotalTimeMillis', 'bigint') }} as agent_talk_time_ms,
        {{ connect_lake.characteristic('$.TalkTime.DetailsByParticipant.CUSTOMER.TotalTimeMillis', 'bigint') }} as customer_talk_time_ms,
        {{ connect_lake.characteristic('$.NonTalkTime.TotalTimeMillis', 'bigint') }} as non_talk_time_ms,
        {{ connect_lake.characteristic('$.Interruptions.TotalCount', 'bigint') }} as interruption_count,
        {{ connect_lake.characteristic('$.Interruptions.TotalTimeMillis', 'bigint') }} as interruption_time_ms,
        {{ connect_lake.characteristic('$.TalkSpeed.DetailsByParticipant.AGENT.AverageWordsPerMinute') }} as agent_words_per_minute,
        {{ connect_lake.characteristic('$.TalkSpeed.DetailsByParticipant.CUSTOMER.AverageWordsPerMinute') }} as customer_words_per_minute,

        {{ connect_lake.characteristic('$.ResponseTime.AgentGreetingTimeMillis', 'bigint') }} as agent_greeting_time_ms,
        {{ connect_lake.characteristic('$.ResponseTime.DetailsByParticipantRole.AGENT.Average.ValueMillis', 'bigint') }}
            as agent_avg_response_time_ms,
        {{ connect_lake.characteristic('$.ResponseTime.DetailsByParticipantRole.AGENT.Maximum.ValueMillis', 'bigint') }}
            as agent_max_response_time_ms,
        {{ connect_lake.characteristic('$.ResponseTime.DetailsByParticipantRole.CUSTOMER.Average.ValueMillis', 'bigint') }}
            as customer_avg_response_time_ms,
        {{ connect_lake.characteristic('$.ResponseTime.DetailsByParticipantRole.CUSTOMER.Maximum.ValueMillis', 'bigint') }}
            as customer_max_response_time_ms,

        -- chat lists issues in the contact summary (voice marks them on the transcript items instead)
        cast({{ connect_lake.json_array_length(
            'characteristics_json', '$.ContactSummary.SummaryItemsDetected[0].IssuesDetected'
        ) }} as bigint) as summary_issues_detected_count,
        {{ connect_lake.json_str(
            'characteristics_json', '$.ContactSummary.SummaryItemsDetected[0].IssuesDetected[0].Text'
        ) }} as first_issue_detected,
        {{ connect_lake.json_str(
            'characteristics_json', '$.ContactSummary.SummaryItemsDetected[0].OutcomesDetected[0].Text'
        ) }} as first_outcome_detected,
        coalesce(
            {{ connect_lake.json_array_length(
                'characteristics_json', '$.ContactSummary.SummaryItemsDetected[0].ActionItemsDetected'
            ) }},
            0
        ) as action_items_detected_count,
        coalesce({{ connect_lake.array_length('analyses.matched_categories') }}, 0) as matched_category_count,
        analyses.instance_id,
        analyses.characteristics_json,
        analyses.matched_categories,
        analyses.transcript,
        analyses.delivery_count,
        analyses._source_file,
        analyses._datehour,
        analyses._line_number,
        analyses._ingested_at
    from analyses
)

select
    *,
    customer_sentiment_end - customer_sentiment_begin as customer_sentiment_shift,
    agent_sentiment_end - agent_sentiment_begin as agent_sentiment_shift
from measured
