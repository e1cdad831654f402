{% macro json_to_text(column) %}
    {{ return(adapter.dispatch('json_to_text', 'connect_lake')(column)) }}
{% endmacro %}

{% macro trino__json_to_text(column) -%}
    json_format({{ column }})
{%- endmacro %}

{#- Athena engine v3 is Trino: the same body -#}
{% macro athena__json_to_text(column) %}{{ return(connect_lake.trino__json_to_text(column)) }}{% endmacro %}

{% macro duckdb__json_to_text(column) -%}
    cast({{ column }} as varchar)
{%- endmacro %}

{% macro default__json_to_text(column) %}
    {{ exceptions.raise_compiler_error('json_to_text: no implementation for ' ~ target.type) }}
{% endmacro %}
