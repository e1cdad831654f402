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
