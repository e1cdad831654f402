{% macro iso_day_of_week(column) %}
    {{ return(adapter.dispatch('iso_day_of_week', 'connect_lake')(column)) }}
{% endmacro %}

{% macro trino__iso_day_of_week(column) -%}
    day_of_week({{ column }})
{%- endmacro %}

{#- Athena engine v3 is Trino: the same body -#}
{% macro athena__iso_day_of_week(column) %}{{ return(connect_lake.trino__iso_day_of_week(column)) }}{% endmacro %}

{% macro duckdb__iso_day_of_week(column) -%}
    isodow({{ column }})
{%- endmacro %}

{% macro default__iso_day_of_week(column) %}
    {{ exceptions.raise_compiler_error('iso_day_of_week: no implementation for ' ~ target.type) }}
{% endmacro %}
