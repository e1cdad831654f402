{% macro json_is_valid(column) %}
    {{ return(adapter.dispatch('json_is_valid', 'connect_lake')(column)) }}
{% endmacro %}

{% macro trino__json_is_valid(column) -%}
    (try(json_parse({{ column }})) is not null)
{%- endmacro %}

{#- Athena engine v3 is Trino: the same body -#}
{% macro athena__json_is_valid(column) %}{{ return(connect_lake.trino__json_is_valid(column)) }}{% endmacro %}

{% macro duckdb__json_is_valid(column) -%}
    coalesce(json_valid({{ column }}), false)
{%- endmacro %}

{% macro default__json_is_valid(column) %}
    {{ exceptions.raise_compiler_error('json_is_valid: no implementation for ' ~ target.type) }}
{% endmacro %}
