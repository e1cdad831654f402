{% macro array_contains(array_column, value) %}
    {{ return(adapter.dispatch('array_contains', 'connect_lake')(array_column, value)) }}
{% endmacro %}

{% macro trino__array_contains(array_column, value) -%}
    contains({{ array_column }}, {{ value }})
{%- endmacro %}

{#- Athena engine v3 is Trino: the same body -#}
{% macro athena__array_contains(array_column, value) %}{{ return(connect_lake.trino__array_contains(array_column, value)) }}{% endmacro %}

{% macro duckdb__array_contains(array_column, value) -%}
    list_contains({{ array_column }}, {{ value }})
{%- endmacro %}

{% macro default__array_contains(array_column, value) %}
    {{ exceptions.raise_compiler_error('array_contains: no implementation for ' ~ target.type) }}
{% endmacro %}
