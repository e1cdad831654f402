{#- Every landed line that is not a usable record, with where it was and why: the quarantine of the raw
    layer. One bad line never stops a build; it shows up here and in the warn-severity test on this model. -#}
{%- set sources = [
    ('contact_records', 'contact_records__lines', '$.ContactId'),
] -%}

with
{% for name, lines_table, key_path in sources %}
{{ name }}_lines as (
    select
        '{{ name }}' as raw_source,
        _source_file,
        _line_number,
        _datehour,
        line,
        {{ connect_lake.json_is_valid('line') }} as is_json,
        case
            when {{ connect_lake.json_is_valid('line') }}
                then {{ connect_lake.json_str('line', key_path) }}
        end as record_key
    from {{ source('connect', lines_table) }}
    where trim(line) <> ''
),
{% endfor %}

all_lines as (
{%- for name, _, _ in sources %}
    select * from {{ name }}_lines
    {%- if not loop.last %}
    union all
    {%- endif %}
{%- endfor %}
),

rejected as (
    select
        raw_source,
        _source_file as source_file,
        _line_number as line_number,
        _datehour as datehour,
        case
            when not is_json then 'invalid_json'
            else 'missing_record_key'
        end as reject_reason,
        substr(line, 1, 200) as line_excerpt
    from all_lines
    where not is_json or record_key is null
)

select * from rejected
