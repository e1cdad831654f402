{#- Whole seconds elapsed from one timestamp to another (not boundary counting). -#}
{% macro seconds_between(start_column, end_column) %}
    {{ return(adapter.dispatch('seconds_between', 'connect_lake')(start_column, end_column)) }}
{% endmacro %}

{% macro trino__seconds_between(start_column, end_column) -%}
    cast(floor(to_unixtime({{ end_column }}) - to_unixtime({{ start_column }})) as bigint)
{%- endmacro %}

{#- Athena engine v3 is Trino: the same body -#}
{% macro athena__seconds_between(start_column, end_column) %}{{ return(connect_lake.trino__seconds_between(start_column, end_column)) }}{% endmacro %}

{% macro duckdb__seconds_between(start_column, end_column) -%}
    cast(floor(epoch({{ end_column }}) - epoch({{ start_column }})) as bigint)
{%- endmacro %}

{% macro default__seconds_between(start_column, end_column) %}
    {{ exceptions.raise_compiler_error('seconds_between: no implementation for ' ~ target.type) }}
{% endmacro %}
