{% macro map_value(map_column, key) %}
    {{ return(adapter.dispatch('map_value', 'connect_lake')(map_column, key)) }}
{% endmacro %}

{% macro trino__map_value(map_column, key) -%}
    element_at({{ map_column }}, '{{ key }}')
{%- endmacro %}

{#- Athena engine v3 is Trino: the same body -#}
{% macro athena__map_value(map_column, key) %}{{ return(connect_lake.trino__map_value(map_column, key)) }}{% endmacro %}

{% macro duckdb__map_value(map_column, key) -%}
    map_extract_value({{ map_column }}, '{{ key }}')
{%- endmacro %}

{% macro default__map_value(map_column, key) %}
    {{ exceptions.raise_compiler_error('map_value: no implementation for ' ~ target.type) }}
{% endmacro %}
