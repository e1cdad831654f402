{% macro epoch_ms(column) %}
    {{ return(adapter.dispatch('epoch_ms', 'connect_lake')(column)) }}
{% endmacro %}

{% macro trino__epoch_ms(column) -%}
    cast(round(to_unixtime({{ column }}) * 1000) as bigint)
{%- endmacro %}

{#- Athena engine v3 is Trino: the same body -#}
{% macro athena__epoch_ms(column) %}{{ return(connect_lake.trino__epoch_ms(column)) }}{% endmacro %}

{% macro duckdb__epoch_ms(column) -%}
    epoch_ms({{ column }})
{%- endmacro %}

{% macro default__epoch_ms(column) %}
    {{ exceptions.raise_compiler_error('epoch_ms: no implementation for ' ~ target.type) }}
{% endmacro %}
