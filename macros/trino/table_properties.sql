{% macro properties(temporary=False) %}
    {%- set mapped = {} -%}
    {%- set file_format = config.get('format') -%}
    {%- if file_format -%}
        {%- do mapped.update({'format': "'" ~ (file_format | upper) ~ "'"}) -%}
    {%- endif -%}
    {%- set partitioned_by = config.get('partitioned_by') -%}
    {%- if partitioned_by and not temporary -%}
        {%- set quoted = [] -%}
        {%- for field in partitioned_by -%}{%- do quoted.append("'" ~ field ~ "'") -%}{%- endfor -%}
        {%- do mapped.update({'partitioning': 'array[' ~ (quoted | join(', ')) ~ ']'}) -%}
    {%- endif -%}
    {%- do mapped.update(config.get('properties') or {}) -%}
    {%- if mapped %}
    with (
        {%- for key, value in mapped.items() %}
        {{ key }} = {{ value }}{{ ',' if not loop.last }}
        {%- endfor %}
    )
    {%- endif -%}
{%- endmacro %}
