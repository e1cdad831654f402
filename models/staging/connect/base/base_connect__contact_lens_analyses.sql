{{
    config(
        materialized='incremental',
        unique_key='contact_id',
        incremental_strategy='merge',
        on_schema_change='append_new_columns',
        table_type='iceberg',
        format='parquet',
    )
}}
-- The newest completed Contact Lens analysis of each contact leg, from the redacted output unless var
-- allow_original_transcripts is on. A contact analysed again gets a new object with a later timestamp in its
-- name; the newest wins. Incremental, so a run opens only the analysis-date folders of the lookback window
-- (on Athena, partition projection prunes the rest): an analysis in the window is newer than any before
-- it, so merging on the contact replaces an older analysis with a re-analysis. A table, so the nested
-- documents are read once for the analysis, category and transcript models.
{%- set output = 'contact_lens_analysis_redacted' -%}
{%- if var('allow_original_transcripts', false) -%}{%- set output = 'contact_lens_analysis' -%}{%- endif %}
with source as (
    select * from {{ source('connect', output) }}
),

renamed as (
    select
        customermetadata.contactid as contact_id,
        customermetadata.instanceid as instance_id,
        customermetadata.inputs3uri as analysed_object_uri,
        channel,
        version as analysis_version,
        languagecode as language_code,
        jobstatus as job_status,
        contentmetadata.output as transcript_output,
        -- the analysis time is only in the object name: ..._analysis[_redacted]_2026-11-03T08:36:36Z.json
        {{ connect_lake.parse_iso8601_ts(
            "regexp_extract(_source_file, '_(\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z)\\.json$', 1)"
        ) }} as analysed_at,
        categories.matchedcategories as matched_categories,
        conversationcharacteristics as characteristics_json,
        transcript,
        _source_file,
        _datehour
    from source
    -- a document that is not an analysis reads as a row of nulls; stg_connect__rejected_lines lists it
    where
        customermetadata.contactid is not null
        -- the analysis-date folders of the lookback window (all of them on a full build)
        and _datehour >= '{{ connect_lake.landed_folders_from('%Y/%m/%d') }}'
),

ranked as (
    select
        *,
        row_number() over (
            partition by contact_id order by analysed_at desc, _source_file desc
        ) as recency_rank
    from renamed
    where job_status = 'COMPLETED'
)

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
    _datehour
from ranked
where recency_rank = 1
