{#- The landed lines of one raw source that are not usable records: not JSON, or JSON without the record's
    key. Used by stg_connect__rejected_lines, one call per raw source. -#}
{% macro rejected_lines(raw_source, lines_relation, key_path) %}
    select
        '{{ raw_source }}' as raw_source,
        _source_file as source_file,
        _line_number as line_number,
        _datehour as datehour,
        case
            when not {{ connect_lake.json_is_valid('line') }} then 'invalid_json'
            else 'missing_record_key'
        end as reject_reason,
        substr(line, 1, 200) as line_excerpt
    from {{ lines_relation }}
    where
        trim(line) <> ''
        and (
            not {{ connect_lake.json_is_valid('line') }}
            or {{ connect_lake.json_str('line', key_path) }} is null
        )
{% endmacro %}
