
  
    

    create table "iceberg"."connect_lake_staging"."base_connect__contact_lens_analyses__dbt_tmp"
      comment 'Every Contact Lens analysis document ever landed, read once, from the redacted output (the original when var allow_original_transcripts is on): each run reads only the documents this table does not hold yet. A document is one JSON object whatever its whitespace; one that passes the record rules is typed here (the ContactId from the object name when the document has no CustomerMetadata), the others keep their reason. A contact analysed again has several documents; stg_connect__contact_analyses keeps the newest completed one. Incremental (append).
'
      
    as (
      -- Every Contact Lens analysis document ever landed, read once, from the redacted output unless var
-- allow_original_transcripts is on (each run reads only the documents this table does not hold yet). A
-- document is one JSON object whatever its whitespace; one that passes the record rules is typed here, and
-- one that cannot be used keeps its reason for stg_connect__quarantine. A contact analysed again gets a new
-- document; stg_connect__contact_analyses keeps the newest completed one.
with landed as (
    -- the lines are numbered by a window frame without order by, which DuckDB streams and sqlfluff cannot
    -- parse: hence the noqa
    
    with landed_lines as (
        
        select
            lines._source_file,
            lines._datehour,
            cast(null as bigint) as _line_number,
            lines._object_size_bytes,
            lines.line,
            from_utf8(to_utf8(lines.line)) = lines.line as is_valid_utf8,
            cast(null as varchar) as object_problem
        from "hive"."connect_raw"."contact_lens_analysis_redacted" as lines
        where
            lines._datehour >= '0000/00/00'
            and lines._source_file not in (
                'local:///work/main/data/raw/contact_lens/Analysis/Chat/Redacted/2026/11/02/912cec4d-1f06-4624-97f4-3d807ff73af2_analysis_redacted_2026-11-02T12:17:03Z-copy.json',
                'local:///work/main/data/raw/contact_lens/Analysis/Voice/Redacted/2026/11/02/31a3a100-753e-4d71-801e-418b01160659_analysis_redacted_2026-11-02T11:09:45Z-copy.json',
                'local:///work/main/data/raw/contact_lens/Analysis/Voice/Redacted/2026/11/03/3b946a03-0b0f-456c-a3e5-5be127daaa8a_analysis_redacted_2026-11-03T08:03:10Z-copy.json',
                'local:///work/main/data/raw/contact_lens/Analysis/Voice/Redacted/2026/11/03/758f53cc-63e7-4a84-ba3a-5a0acf08ab2a_analysis_redacted_2026-11-03T15:31:46Z-copy.json',
                'local:///work/main/data/raw/contact_lens/Analysis/Voice/Redacted/2026/11/03/85b9d37c-5387-4651-8d68-3688459765d2_analysis_redacted_2026-11-03T18:57:51Z-copy.json',
                'local:///work/main/data/raw/contact_lens/Analysis/Voice/Redacted/2026/11/03/ae5379a3-3cd7-4800-8572-7c8afd086ecf_analysis_redacted_2026-11-03T14:43:41Z-copy.json',
                'local:///work/main/data/raw/contact_lens/Analysis/Voice/Redacted/2026/11/03/b1eaa097-2c61-4064-b8a4-3820165670e9_analysis_redacted_2026-11-03T08:15:00Z-copy.json',
                'local:///work/main/data/raw/contact_lens/Analysis/Voice/Redacted/2026/11/03/df0b8f82-5d70-4fd8-a5b2-b202881e6f5e_analysis_redacted_2026-11-03T07:37:33Z-copy.json',
                'local:///work/main/data/raw/contact_lens/Analysis/Voice/Redacted/2026/11/04/b5429147-0e25-4d97-9df6-dab211f87771_analysis_redacted_2026-11-04T13:42:41Z-copy.json'
            )
        union all
        -- objects the engine's reader cannot take (empty, not gzip, cut short) or out of place: one row each
        select
            checked._source_file,
            checked.landing_folder,
            cast(null as bigint),
            checked.size_bytes,
            cast(null as varchar),
            true,
            checked.problem
        from (
            select concat('local:///work/main/data/raw/', object_key) as _source_file, landing_folder, size_bytes, problem
            from "hive"."connect_raw"."landing_object_checks"
            where source = 'contact_lens_analysis_redacted' and problem is not null
        ) as checked

    ),

    -- one JSON document per object, whatever its whitespace: a pretty-printed copy is one document too
    landed_units as (
        select
            _source_file,
            max(_datehour) as _datehour,
            cast(min(_line_number) as bigint) as _line_number,
            max(_object_size_bytes) as _object_size_bytes,
             array_join( array_agg(coalesce(line, '') order by _line_number) , chr(10))  as line,
            bool_or(not is_valid_utf8) = false as is_valid_utf8,
            max(object_problem) as object_problem
        from landed_lines
        group by _source_file
    ),

    parsed as (
        select
            landed_units.*,
            case
                when object_problem is null and is_valid_utf8 and substr(trim(line), 1, 1) = '{'
                    then try(cast(json_parse(line) as row("version" varchar, "accountid" varchar, "channel" varchar, "chattranscriptversion" varchar, "languagecode" varchar, "jobstatus" varchar, "contentmetadata" row("output" varchar, "redactiontypes" array(varchar)), "customermetadata" row("contactid" varchar, "instanceid" varchar, "inputs3uri" varchar), "participants" array(row("participantid" varchar, "participantrole" varchar)), "categories" row("matchedcategories" array(varchar)), "conversationcharacteristics" json, "transcript" array(row("id" varchar, "participantid" varchar, "participantrole" varchar, "displayname" varchar, "type" varchar, "contenttype" varchar, "content" varchar, "beginoffsetmillis" bigint, "endoffsetmillis" bigint, "absolutetime" varchar, "sentiment" varchar, "loudnessscore" array(double), "issuesdetected" array(row("text" varchar)))))))
            end as payload
        from landed_units
    ),

    keyed as (
        select
            parsed.*,
            coalesce(
                nullif(trim(payload.customermetadata.contactid), ''),
                regexp_extract(_source_file, '/([^/_]+)_analysis_[^/]*$', 1)
            ) as record_key
        from parsed
    ),

    checked as (
        select
            keyed.*,
            case
                when object_problem is not null then object_problem
                when trim(coalesce(line, '')) = '' then 'empty_object'
                when not is_valid_utf8 then 'invalid_utf8'
                when payload is null then 'invalid_json'
                else case
        when record_key is null then 'missing_field:CustomerMetadata.ContactId'
        when nullif(trim(payload.channel), '') is null then 'missing_field:Channel'
        when nullif(trim(payload.jobstatus), '') is null then 'missing_field:JobStatus'
        when not coalesce(all_match(payload.transcript, element -> element.absolutetime is null or (regexp_like(element.absolutetime, '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}([.][0-9]{1,9})?(Z|[+-][0-9]{2}:?[0-9]{2})$')
        and cast(try(from_iso8601_timestamp(element.absolutetime)) at time zone 'UTC' as timestamp(6)) is not null)), true) then 'invalid_timestamp:Transcript[].AbsoluteTime'
    end
            end as quarantine_reason
        from keyed
    )

    select
        'contact_lens_analysis_redacted' as _raw_source,
        _source_file,
        _datehour,
        _line_number,
        _object_size_bytes,
        cast('2026-12-02 03:54:05.883060' as timestamp(6)) as _ingested_at,
        case
            when object_problem is not null then 'quarantined_object'
            when quarantine_reason is null and trim(coalesce(line, '')) = '' then 'blank_line'
            when quarantine_reason is not null then 'quarantined_line'
            else 'record'
        end as _row_kind,
        quarantine_reason,
        case when quarantine_reason is not null and object_problem is null then substr(line, 1, 500) end
            as line_excerpt,
        record_key,
        case when quarantine_reason is null then payload end as payload
    from checked  -- noqa
),

typed as (
    select
        _raw_source,
        _source_file,
        _datehour,
        _line_number,
        _object_size_bytes,
        _ingested_at,
        _row_kind,
        quarantine_reason,
        line_excerpt,

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
        cast(try(from_iso8601_timestamp(replace(regexp_extract(_source_file, '_([0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}[:_][0-9]{2}[:_][0-9]{2}Z)[.]json$', 1), '_', ':'))) at time zone 'UTC' as timestamp(6)) as analysed_at,
        payload.categories.matchedcategories as matched_categories,
        json_format(payload.conversationcharacteristics) as characteristics_json,
        payload.transcript as transcript
    from landed
)

select * from typed
    );

  