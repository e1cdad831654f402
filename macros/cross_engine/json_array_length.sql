{% macro json_array_length(column, path) %}
    {{ return(adapter.dispatch('json_array_length', 'connect_lake')(column, path)) }}
{% endmacro %}

{% macro trino__json_array_length(column, path) -%}
    json_array_length(json_extract({{ column }}, '{{ path }}'))
{%- endmacro %}

{#- Athena engine v3 is Trino: the same body -#}
{% macro athena__json_array_length(column, path) %}{{ return(connect_lake.trino__json_array_length(column, path)) }}{% endmacro %}

{% macro duckdb__json_array_length(column, path) -%}
    cast(json_array_length({{ column }}, '{{ path }}') as bigint)
{%- endmacro %}

{% macro default__json_array_length(column, path) %}
    {{ exceptions.raise_compiler_error('json_array_length: no implementation for ' ~ target.type) }}
{% endmacro %}
