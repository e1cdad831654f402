{% macro timestamp_series(start_column, stop_column, minutes) %}
    {{ return(adapter.dispatch('timestamp_series', 'connect_lake')(start_column, stop_column, minutes)) }}
{% endmacro %}

{% macro trino__timestamp_series(start_column, stop_column, minutes) -%}
    sequence({{ start_column }}, {{ stop_column }}, interval '{{ minutes }}' minute)
{%- endmacro %}

{#- Athena engine v3 is Trino: the same body -#}
{% macro athena__timestamp_series(start_column, stop_column, minutes) %}{{ return(connect_lake.trino__timestamp_series(start_column, stop_column, minutes)) }}{% endmacro %}

{% macro duckdb__timestamp_series(start_column, stop_column, minutes) -%}
    generate_series({{ start_column }}, {{ stop_column }}, interval '{{ minutes }} minutes')
{%- endmacro %}

{% macro default__timestamp_series(start_column, stop_column, minutes) %}
    {{ exceptions.raise_compiler_error('timestamp_series: no implementation for ' ~ target.type) }}
{% endmacro %}
