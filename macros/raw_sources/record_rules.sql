{#-
    The record rules of a raw source (meta.record in the sources YAML) as SQL, so every source is checked the
    same way on every engine and a rule is written once.
-#}

{% macro record_field(path, payload='payload') -%}
    {{ payload }}.{{ path | lower }}
{%- endmacro %}


{% macro record_key(source_name, payload='payload') -%}
    {%- set rules = connect_lake.raw_source_node(source_name).meta.get('record', {}) -%}
    nullif(trim({{ connect_lake.record_field(rules.key, payload) }}), '')
{%- endmacro %}


{% macro is_iso8601_timestamp(column) -%}
    ({{ connect_lake.regex_matches(column, '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}([.][0-9]{1,9})?(Z|[+-][0-9]{2}:?[0-9]{2})$') }}
        and {{ connect_lake.try_parse_iso8601_ts(column) }} is not null)
{%- endmacro %}


{% macro is_integer_text(column, hive_type) -%}
    {%- set sql_type = {'int': 'integer', 'integer': 'integer', 'smallint': 'smallint', 'bigint': 'bigint'}.get(hive_type) -%}
    {%- if sql_type is none -%}
        {{ exceptions.raise_compiler_error('connect_lake: integer rule on a field declared ' ~ hive_type) }}
    {%- endif -%}
    ({{ connect_lake.regex_matches(column, '^-?[0-9]+$') }} and try_cast({{ column }} as {{ sql_type }}) is not null)
{%- endmacro %}


{#- the exponent is for Trino, whose JSON reader renders a JSON number read as text in scientific notation (4.37E0) -#}
{% macro is_decimal_text(column) -%}
    ({{ connect_lake.regex_matches(column, '^-?[0-9]+([.][0-9]+)?([eE][-+]?[0-9]+)?$') }}
        and try_cast({{ column }} as double) is not null)
{%- endmacro %}


{% macro record_quarantine_reason(source_name, payload='payload', key_override=none) -%}
    {%- set node = connect_lake.raw_source_node(source_name) -%}
    {%- set rules = node.meta.get('record', {}) -%}
    {%- set key = key_override if key_override else connect_lake.record_key(source_name, payload) -%}
    case
        when {{ key }} is null then 'missing_field:{{ rules.key }}'
        {%- for path in rules.get('required', []) %}
        when nullif(trim({{ connect_lake.record_field(path, payload) }}), '') is null then 'missing_field:{{ path }}'
        {%- endfor %}
        {%- for path in rules.get('timestamps', []) %}
        when {{ connect_lake.record_field(path, payload) }} is not null
            and not {{ connect_lake.is_iso8601_timestamp(connect_lake.record_field(path, payload)) }}
            then 'invalid_timestamp:{{ path }}'
        {%- endfor %}
        {%- for path in rules.get('integers', []) %}
        when {{ connect_lake.record_field(path, payload) }} is not null
            and not {{ connect_lake.is_integer_text(connect_lake.record_field(path, payload), connect_lake.field_hive_type(node, path)) }}
            then 'invalid_number:{{ path }}'
        {%- endfor %}
        {%- for path in rules.get('decimals', []) %}
        when {{ connect_lake.record_field(path, payload) }} is not null
            and not {{ connect_lake.is_decimal_text(connect_lake.record_field(path, payload)) }}
            then 'invalid_number:{{ path }}'
        {%- endfor %}
        {%- for path, required in rules.get('json_documents', {}).items() %}
        when not {{ connect_lake.json_is_valid(connect_lake.record_field(path, payload)) }} then 'invalid_json:{{ path }}'
        {%- for key in required %}
        when nullif(trim({{ connect_lake.json_str(connect_lake.record_field(path, payload), '$.' ~ key) }}), '') is null
            then 'missing_field:{{ path }}.{{ key }}'
        {%- endfor %}
        {%- endfor %}
        {%- for path in rules.get('non_negative', []) %}
        when try_cast({{ connect_lake.record_field(path, payload) }} as bigint) < 0 then 'negative_duration:{{ path }}'
        {%- endfor %}
        {%- for earlier, later in rules.get('ordered', []) %}
        when {{ connect_lake.try_parse_iso8601_ts(connect_lake.record_field(later, payload)) }}
            < {{ connect_lake.try_parse_iso8601_ts(connect_lake.record_field(earlier, payload)) }}
            then 'negative_duration:{{ later }}'
        {%- endfor %}
        {%- for array_path, fields in rules.get('array_timestamps', {}).items() %}
        {%- for field in fields %}
        when not {{ connect_lake.array_all_match(
            connect_lake.record_field(array_path, payload), 'element',
            'element.' ~ (field | lower) ~ ' is null or ' ~ connect_lake.is_iso8601_timestamp('element.' ~ (field | lower))
        ) }} then 'invalid_timestamp:{{ array_path }}[].{{ field }}'
        {%- endfor %}
        {%- endfor %}
    end
{%- endmacro %}
