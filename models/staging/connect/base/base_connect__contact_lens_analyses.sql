-- Every Contact Lens analysis document ever landed, read once, from the redacted output unless var
-- allow_original_transcripts is on (each run reads only the documents this table does not hold yet). A
-- document is one JSON object whatever its whitespace; one that passes the record rules is typed here, and
-- one that cannot be used keeps its reason for stg_connect__quarantine. A contact analysed again gets a new
-- document; stg_connect__contact_analyses keeps the newest completed one.
{%- set output = 'contact_lens_analysis_redacted' -%}
{%- if var('allow_original_transcripts', false) -%}{%- set output = 'contact_lens_analysis' -%}{%- endif %}
with landed as (
    -- the lines are numbered by a window frame without order by, which DuckDB streams and sqlfluff cannot
    -- parse: hence the noqa
    {{ connect_lake.landed_records(output, source('connect', output)) }}  -- noqa
),

typed as (
    select
        {{ connect_lake.landed_columns() }},

        -- CustomerMetadata.ContactId, or the object name's when the document has none
        record_key as contact_id,
        payload.customermetadata.instanceid as instance_id,
        payload.customermetadata.inputs3uri as analysed_object_uri,
        payload.channel as channel,
        payload.version as analysis_version,
        payload.languagecode as language_code,
        payload.jobstatus as job_status,
        payload.contentmetadata.output as transcript_output,
        -- the analysis time is only in the object name: ..._analysis[_redacted]_2026-11-03T08:36:36Z.json, or
        -- 08_36_36Z where a copy tool made the name safe for Windows
        {{ connect_lake.try_parse_iso8601_ts(
            "replace(" ~ connect_lake.regex_extract(
                '_source_file', '_([0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}[:_][0-9]{2}[:_][0-9]{2}Z)[.]json$'
            ) ~ ", '_', ':')"
        ) }} as analysed_at,
        payload.categories.matchedcategories as matched_categories,
        {{ connect_lake.json_to_text('payload.conversationcharacteristics') }} as characteristics_json,
        payload.transcript as transcript
    from landed
)

select * from typed
