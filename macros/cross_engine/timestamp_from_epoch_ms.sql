{% macro timestamp_from_epoch_ms(column) %}
    {{ return(adapter.dispatch('timestamp_from_epoch_ms', 'connect_lake')(column)) }}
{% endmacro %}

{#- from_unixtime gives a timestamp with time zone; read in UTC, it casts to UTC wall-clock time -#}
{% macro trino__timestamp_from_epoch_ms(column) -%}
    cast(from_unixtime(cast({{ column }} as double) / 1000, 'UTC') as {{ connect_lake.timestamp_type() }})
{%- endmacro %}

{#- Athena engine v3 is Trino: the same body -#}
{% macro athena__timestamp_from_epoch_ms(column) %}{{ return(connect_lake.trino__timestamp_from_epoch_ms(column)) }}{% endmacro %}

{% macro duckdb__timestamp_from_epoch_ms(column) -%}
    make_timestamp(cast({{ column }} as bigint) * 1000)
{%- endmacro %}

{% macro default__timestamp_from_epoch_ms(column) %}
    {{ exceptions.raise_compiler_error('timestamp_from_epoch_ms: no implementation for ' ~ target.type) }}
{% endmacro %}
