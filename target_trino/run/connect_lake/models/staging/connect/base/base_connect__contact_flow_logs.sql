
  
    

    create table "iceberg"."connect_lake_staging"."base_connect__contact_flow_logs"
      comment 'Every line of every flow-log object ever landed, read once (each run reads only the objects this table does not hold yet). A line that passes the record rules is a typed flow-log entry; the others keep their reason. Incremental (append).
'
      
    as (
      -- Every line of every flow-log object ever landed, read once (each run reads only the objects this table does
-- not hold yet). An entry that passes the record rules is typed here; a line or object that cannot be used
-- keeps its reason for stg_connect__quarantine. stg_connect__contact_flow_logs keeps one copy per entry.
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
        from "hive"."connect_raw"."contact_flow_logs" as lines
        where
            lines._datehour >= '0000/00/00/00'
            and lines._source_file not in (
                'local:///work/main/data/raw/contact_flow_logs/2026/11/02/15/acme-care-flow-logs-1-2026-11-02-15-05-43-161555a1-f7ed-44c0-993b-35a275e6671c-copy.gz',
                'local:///work/main/data/raw/contact_flow_logs/2026/11/04/12/acme-care-flow-logs-1-2026-11-04-12-55-44-531950cf-a2d6-4ddb-a644-0195a3899cb7-copy.gz'
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
            where source = 'contact_flow_logs' and problem is not null
        ) as checked

    ),

    landed_units as (
        select * from landed_lines
    ),

    parsed as (
        select
            landed_units.*,
            case
                when object_problem is null and is_valid_utf8 and substr(trim(line), 1, 1) = '{'
                    then try(cast(json_parse(line) as row("contactid" varchar, "contactflowid" varchar, "contactflowname" varchar, "contactflowmoduletype" varchar, "identifier" varchar, "timestamp" varchar, "parameters" json, "results" varchar, "externalresults" json)))
            end as payload
        from landed_units
    ),

    keyed as (
        select
            parsed.*,
            nullif(trim(payload.contactid), '') as record_key
        from parsed
    ),

    checked as (
        select
            keyed.*,
            case
                when object_problem is not null then object_problem
                when trim(coalesce(line, '')) = '' then null
                when not is_valid_utf8 then 'invalid_utf8'
                when payload is null then 'invalid_json'
                else case
        when record_key is null then 'missing_field:ContactId'
        when nullif(trim(payload.timestamp), '') is null then 'missing_field:Timestamp'
        when nullif(trim(payload.contactflowmoduletype), '') is null then 'missing_field:ContactFlowModuleType'
        when payload.timestamp is not null
            and not (regexp_like(payload.timestamp, '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}([.][0-9]{1,9})?(Z|[+-][0-9]{2}:?[0-9]{2})$')
        and cast(try(from_iso8601_timestamp(payload.timestamp)) at time zone 'UTC' as timestamp(6)) is not null)
            then 'invalid_timestamp:Timestamp'
    end
            end as quarantine_reason
        from keyed
    )

    select
        'contact_flow_logs' as _raw_source,
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

        -- an entry is its contact, block and time: CloudWatch gives entries no id
        record_key || '|' || coalesce(payload.identifier, '') || '|' || cast(cast(round(to_unixtime(cast(try(from_iso8601_timestamp(payload.timestamp)) at time zone 'UTC' as timestamp(6))) * 1000) as bigint) as varchar) as flow_log_entry_id,
        record_key as contact_id,
        payload.contactflowid as contact_flow_arn,
        
  
    

    split_part(
        payload.contactflowid,
        '/',
        4
        )


  
 as contact_flow_id,
        payload.contactflowname as contact_flow_name,
        payload.contactflowmoduletype as module_type,
        payload.identifier as block_identifier,
        cast(try(from_iso8601_timestamp(payload.timestamp)) at time zone 'UTC' as timestamp(6)) as logged_at,
        json_format(payload.parameters) as parameters_json,
        payload.results as results,
        json_format(payload.externalresults) as external_results_json
    from landed
)

select * from typed
    );

  