{% macro json_str(column, path) %}
    {{ return(adapter.dispatch('json_str', 'connect_lake')(column, path)) }}
{% endmacro %}

{% macro trino__json_str(column, path) -%}
    json_extract_scalar({{ column }}, '{{ path }}')
{%- endmacro %}

{#- Athena engine v3 is Trino: the same body -#}
{% macro athena__json_str(column, path) %}{{ return(connect_lake.trino__json_str(column, path)) }}{% endmacro %}

{% macro duckdb__json_str(column, path) -%}
    json_extract_string({{ column }}, '{{ path }}')
{%- endmacro %}

{% macro default__json_str(column, path) %}
    {{ exceptions.raise_compiler_error('json_str: no implementation for ' ~ target.type) }}
{% endmacro %}


{#- The JSON text of the value at a JSONPath (an object or array as canonical JSON, a string quoted) -#}
{% macro json_fragment(column, path) %}
    {{ return(adapter.dispatch('json_fragment', 'connect_lake')(column, path)) }}
{% endmacro %}

{% macro trino__json_fragment(column, path) -%}
    json_format(json_extract({{ column }}, '{{ path }}'))
{%- endmacro %}

{#- Athena engine v3 is Trino: the same body -#}
{% macro athena__json_fragment(column, path) %}{{ return(connect_lake.trino__json_fragment(column, path)) }}{% endmacro %}

{% macro duckdb__json_fragment(column, path) -%}
    cast(json_extract({{ column }}, '{{ path }}') as varchar)
{%- endmacro %}

{% macro default__json_fragment(column, path) %}
    {{ exceptions.raise_compiler_error('json_fragment: no implementation for ' ~ target.type) }}
{% endmacro %}
