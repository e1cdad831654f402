
  
    

    create table "iceberg"."connect_lake_staging"."stg_connect__contact_analyses__dbt_tmp"
      comment 'One row per analysed contact leg: the Contact Lens conversation characteristics as typed columns (voice and chat files keep them at different paths; each column reads whichever the file has). Times in ms. The newest completed analysis wins (a re-analysis replaces the first even when it lands first). Incremental (merge on contact_id).
'
      
    as (
      
-- One row per analysed contact leg: the newest completed Contact Lens analysis, its conversation
-- characteristics as typed columns. A contact analysed again gets a newer document (a later time in its
-- name), which replaces the older one even when it lands first. Voice and chat files put the same measures at
-- different paths (voice: by participant id; chat: by participant role), so each measure takes whichever path
-- the file has. The JSONPaths make long lines when rendered.
-- noqa: disable=LT05
with new_copies as (
    select * from "iceberg"."connect_lake_staging"."base_connect__contact_lens_analyses"
    where
        _row_kind = 'record'
        and job_status = 'COMPLETED'
        and true
),

candidates as (
    select
        contact_id,
        instance_id,
        analysed_object_uri,
        channel,
        analysis_version,
        language_code,
        transcript_output,
        analysed_at,
        matched_categories,
        characteristics_json,
        transcript,
        _source_file,
        _datehour,
        _line_number,
        _ingested_at,
        cast(1 as bigint) as copies
    from new_copies
),

ranked as (
    select
        candidates.*,
        row_number() over (partition by contact_id order by analysed_at desc, _source_file desc, _line_number desc) as copy_rank,
        cast(sum(copies) over (partition by contact_id) as bigint) as deliveries,
        max(_ingested_at) over (partition by contact_id) as newest_ingested_at
    from candidates
),

analyses as (
    select
        contact_id,
        instance_id,
        analysed_object_uri,
        channel,
        analysis_version,
        language_code,
        transcript_output,
        analysed_at,
        matched_categories,
        characteristics_json,
        transcript,
        _source_file,
        _datehour,
        _line_number,
        deliveries,
        newest_ingested_at as _ingested_at
    from ranked
    where copy_rank = 1
),

transcript_issues as (
    select
        analyses.contact_id,
        sum(coalesce(cardinality(items.issues_detected), 0)) as issues_in_transcript
    from analyses
    cross join unnest(analyses.transcript) as items (item_id, participant_id, participant_role, display_name, item_type, content_type, content, begin_offset_ms, end_offset_ms, absolute_time, sentiment, loudness_scores, issues_detected)
    group by 1
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
            cast(json_extract_scalar(characteristics_json, '$.Sentiment.OverallSentiment.CUSTOMER') as double),
            cast(json_extract_scalar(characteristics_json, '$.Sentiment.OverallSentiment.DetailsByParticipantRole.CUSTOMER') as double)
        ) as customer_sentiment_overall,
        coalesce(
            cast(json_extract_scalar(characteristics_json, '$.Sentiment.OverallSentiment.AGENT') as double),
            cast(json_extract_scalar(characteristics_json, '$.Sentiment.OverallSentiment.DetailsByParticipantRole.AGENT') as double)
        ) as agent_sentiment_overall,
        -- voice: the first and last quarter; chat: the sentiment shift's begin and end scores
        coalesce(
            cast(json_extract_scalar(characteristics_json, '$.Sentiment.SentimentByPeriod.QUARTER.CUSTOMER[0].Score') as double),
            cast(json_extract_scalar(characteristics_json, '$.Sentiment.SentimentShift.DetailsByParticipantRole.CUSTOMER.BeginScore') as double)
        ) as customer_sentiment_begin,
        coalesce(
            cast(json_extract_scalar(characteristics_json, '$.Sentiment.SentimentByPeriod.QUARTER.CUSTOMER[3].Score') as double),
            cast(json_extract_scalar(characteristics_json, '$.Sentiment.SentimentShift.DetailsByParticipantRole.CUSTOMER.EndScore') as double)
        ) as customer_sentiment_end,
        coalesce(
            cast(json_extract_scalar(characteristics_json, '$.Sentiment.SentimentByPeriod.QUARTER.AGENT[0].Score') as double),
            cast(json_extract_scalar(characteristics_json, '$.Sentiment.SentimentShift.DetailsByParticipantRole.AGENT.BeginScore') as double)
        ) as agent_sentiment_begin,
        coalesce(
            cast(json_extract_scalar(characteristics_json, '$.Sentiment.SentimentByPeriod.QUARTER.AGENT[3].Score') as double),
            cast(json_extract_scalar(characteristics_json, '$.Sentiment.SentimentShift.DetailsByParticipantRole.AGENT.EndScore') as double)
        ) as agent_sentiment_end,
        cast(json_extract_scalar(characteristics_json, '$.Sentiment.OverallSentiment.DetailsByInteraction.DetailsByParticipantRole.CUSTOMER.WithAgent') as double)
            as customer_sentiment_with_agent,
        cast(json_extract_scalar(characteristics_json, '$.Sentiment.OverallSentiment.DetailsByInteraction.DetailsByParticipantRole.CUSTOMER.WithoutAgent') as double)
            as customer_sentiment_without_agent,

        cast(json_extract_scalar(characteristics_json, '$.TotalConversationDurationMillis') as bigint) as conversation_duration_ms,
        cast(json_extract_scalar(characteristics_json, '$.TalkTime.TotalTimeMillis') as bigint) as talk_time_ms,
        cast(json_extract_scalar(characteristics_json, '$.TalkTime.DetailsByParticipant.AGENT.TotalTimeMillis') as bigint) as agent_talk_time_ms,
        cast(json_extract_scalar(characteristics_json, '$.TalkTime.DetailsByParticipant.CUSTOMER.TotalTimeMillis') as bigint) as customer_talk_time_ms,
        cast(json_extract_scalar(characteristics_json, '$.NonTalkTime.TotalTimeMillis') as bigint) as non_talk_time_ms,
        cast(json_extract_scalar(characteristics_json, '$.Interruptions.TotalCount') as bigint) as interruption_count,
        cast(json_extract_scalar(characteristics_json, '$.Interruptions.TotalTimeMillis') as bigint) as interruption_time_ms,
        cast(json_extract_scalar(characteristics_json, '$.TalkSpeed.DetailsByParticipant.AGENT.AverageWordsPerMinute') as double) as agent_words_per_minute,
        cast(json_extract_scalar(characteristics_json, '$.TalkSpeed.DetailsByParticipant.CUSTOMER.AverageWordsPerMinute') as double) as customer_words_per_minute,

        cast(json_extract_scalar(characteristics_json, '$.ResponseTime.AgentGreetingTimeMillis') as bigint) as agent_greeting_time_ms,
        cast(json_extract_scalar(characteristics_json, '$.ResponseTime.DetailsByParticipantRole.AGENT.Average.ValueMillis') as bigint)
            as agent_avg_response_time_ms,
        cast(json_extract_scalar(characteristics_json, '$.ResponseTime.DetailsByParticipantRole.AGENT.Maximum.ValueMillis') as bigint)
            as agent_max_response_time_ms,
        cast(json_extract_scalar(characteristics_json, '$.ResponseTime.DetailsByParticipantRole.CUSTOMER.Average.ValueMillis') as bigint)
            as customer_avg_response_time_ms,
        cast(json_extract_scalar(characteristics_json, '$.ResponseTime.DetailsByParticipantRole.CUSTOMER.Maximum.ValueMillis') as bigint)
            as customer_max_response_time_ms,

        -- chat lists issues in the contact summary, voice on the transcript items
        coalesce(
            json_array_length(json_extract(characteristics_json, '$.ContactSummary.SummaryItemsDetected[0].IssuesDetected')),
            transcript_issues.issues_in_transcript,
            0
        ) as issues_detected_count,
        json_extract_scalar(characteristics_json, '$.ContactSummary.SummaryItemsDetected[0].IssuesDetected[0].Text') as first_issue_detected,
        json_extract_scalar(characteristics_json, '$.ContactSummary.SummaryItemsDetected[0].OutcomesDetected[0].Text') as first_outcome_detected,
        coalesce(
            json_array_length(json_extract(characteristics_json, '$.ContactSummary.SummaryItemsDetected[0].ActionItemsDetected')),
            0
        ) as action_items_detected_count,
        coalesce(cardinality(analyses.matched_categories), 0) as matched_category_count,
        analyses.instance_id,
        analyses.characteristics_json,
        analyses.matched_categories,
        analyses.transcript,
        analyses.deliveries,
        analyses._source_file,
        analyses._datehour,
        analyses._line_number,
        analyses._ingested_at
    from analyses
    left join transcript_issues on analyses.contact_id = transcript_issues.contact_id
)

select
    *,
    customer_sentiment_end - customer_sentiment_begin as customer_sentiment_shift,
    agent_sentiment_end - agent_sentiment_begin as agent_sentiment_shift
from measured
    );

  