-- Every landed line that is not a usable record, with where it was and why: the quarantine of the raw
-- layer. One bad line never stops a build; it shows up here and in the warn-severity test on this model.
with contact_records as (
    
    select
        'contact_records' as raw_source,
        _source_file as source_file,
        _line_number as line_number,
        _datehour as datehour,
        case
            when not (try(json_parse(line)) is not null) then 'invalid_json'
            else 'missing_record_key'
        end as reject_reason,
        substr(line, 1, 200) as line_excerpt
    from "awsdatacatalog"."connect_raw"."contact_records__lines"
    where
        trim(line) <> ''
        and (
            not (try(json_parse(line)) is not null)
            or json_extract_scalar(line, '$.ContactId') is null
        )

)

select * from contact_records