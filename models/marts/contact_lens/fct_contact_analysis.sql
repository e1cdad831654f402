-- One row per contact leg Contact Lens analysed (voice and chat): sentiment overall, at the start and end of
-- the contact and its shift, talk and non-talk time, interruptions, talk speed, chat response times, and what
-- was detected, joined to the contact leg it describes.
{{
    config(
        partitioned_by=['month(contact_date)'],
        materialized='incremental',
        unique_key='contact_id',
        incremental_strategy='merge',
    )
}}
with
{%- if is_incremental() %}
-- the contacts with a new analysis, and those whose contact record changed (an analysis can land first)
touched as (
    {{ connect_lake.changed_keys(ref('stg_connect__contact_analyses'), 'contact_id') }}
    union
    {{ connect_lake.changed_keys(ref('fct_contacts'), 'contact_id') }}
),

analyses as (
    select * from {{ ref('stg_connect__contact_analyses') }}
    where contact_id in (select contact_id from touched)
),

contacts as (
    select * from {{ ref('fct_contacts') }}
    where contact_id in (select contact_id from touched)
),

transcript_items as (
    select * from {{ ref('stg_connect__transcript_items') }}
    where contact_id in (select contact_id from touched)
),
{%- else %}
analyses as (
    select * from {{ ref('stg_connect__contact_analyses') }}
),

contacts as (
    select * from {{ ref('fct_contacts') }}
),

transcript_items as (
    select * from {{ ref('stg_connect__transcript_items') }}
),
{%- endif %}

-- voice marks issues on the transcript items; chat lists them in the contact summary
transcript_issues as (
    select
        contact_id,
        sum(issues_detected_count) as issues_in_transcript
    from transcript_items
    group by 1
),

final as (
    select
        analyses.contact_id,
        contacts.root_contact_id,
        analyses.channel,
        contacts.queue_name,
        contacts.agent_arn,
        contacts.agent_version_key,
        contacts.customer_key,
        -- the contact's own time, which metrics are dated by (null until its contact record lands)
        contacts.initiated_at as contact_initiated_at,
        analyses.analysed_at,
        analyses.transcript_output,
        analyses.language_code,

        analyses.customer_sentiment_overall,
        analyses.customer_sentiment_begin,
        analyses.customer_sentiment_end,
        analyses.customer_sentiment_shift,
        analyses.customer_sentiment_with_agent,
        analyses.customer_sentiment_without_agent,
        analyses.agent_sentiment_overall,
        analyses.agent_sentiment_begin,
        analyses.agent_sentiment_end,
        analyses.agent_sentiment_shift,
        analyses.customer_sentiment_end > analyses.customer_sentiment_begin as is_customer_sentiment_improved,

        {{ connect_lake.ms_to_s('analyses.conversation_duration_ms') }} as conversation_duration_s,
        {{ connect_lake.ms_to_s('analyses.talk_time_ms') }} as talk_time_s,
        {{ connect_lake.ms_to_s('analyses.agent_talk_time_ms') }} as agent_talk_time_s,
        {{ connect_lake.ms_to_s('analyses.customer_talk_time_ms') }} as customer_talk_time_s,
        {{ connect_lake.ms_to_s('analyses.non_talk_time_ms') }} as non_talk_time_s,
        cast(analyses.non_talk_time_ms as double) * 100 / nullif(analyses.conversation_duration_ms, 0)
            as non_talk_time_pct,
        analyses.interruption_count,
        {{ connect_lake.ms_to_s('analyses.interruption_time_ms') }} as interruption_time_s,
        analyses.agent_words_per_minute,
        analyses.customer_words_per_minute,

        {{ connect_lake.ms_to_s('analyses.agent_greeting_time_ms') }} as agent_greeting_time_s,
        {{ connect_lake.ms_to_s('analyses.agent_avg_response_time_ms') }} as agent_avg_response_time_s,
        {{ connect_lake.ms_to_s('analyses.agent_max_response_time_ms') }} as agent_max_response_time_s,
        {{ connect_lake.ms_to_s('analyses.customer_avg_response_time_ms') }} as customer_avg_response_time_s,
        {{ connect_lake.ms_to_s('analyses.customer_max_response_time_ms') }} as customer_max_response_time_s,

        cast(analyses.matched_category_count as bigint) as matched_category_count,
        cast(coalesce(
            analyses.summary_issues_detected_count, transcript_issues.issues_in_transcript, 0
        ) as bigint) as issues_detected_count,
        analyses.first_issue_detected,
        analyses.first_outcome_detected,
        cast(analyses.action_items_detected_count as bigint) as action_items_detected_count,
        contacts.contact_id is not null as has_contact_record,
        coalesce(contacts.contact_date, cast(analyses.analysed_at as date)) as contact_date,
        {{ connect_lake.ingested_at() }} as _ingested_at
    from analyses
    left join contacts on analyses.contact_id = contacts.contact_id
    left join transcript_issues on analyses.contact_id = transcript_issues.contact_id
)

select * from final
