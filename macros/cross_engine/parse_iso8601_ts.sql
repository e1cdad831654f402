{% macro parse_iso8601_ts(column) %}
    {{ return(adapter.dispatch('parse_iso8601_ts', 'connect_lake')(column)) }}
{% endmacro %}

{% macro trino__parse_iso8601_ts(column) -%}
    cast(from_iso8601_timestamp({{ column }}) at time zone 'UTC' as timestamp(6))
{%- endmacro %}

{#- Athena engine v3 is Trino: the same body -#}
{% macro athena__parse_iso8601_ts(column) %}{{ return(connect_lake.trino__parse_iso8601_ts(column)) }}{% endmacro %}

{% macro duckdb__parse_iso8601_ts(column) -%}
    cast(timezone('UTC', cast({{ column }} as timestamptz)) as timestamp)
{%- endmacro %}

{% macro default__parse_iso8601_ts(column) %}
    {{ exceptions.raise_compiler_error('parse_iso8601_ts: no implementation for ' ~ target.type) }}
{% endmacro %}


{% macro try_parse_iso8601_ts(column) %}
    {{ return(adapter.dispatch('try_parse_iso8601_ts', 'connect_lake')(column)) }}
{% endmacro %}

{% macro trino__try_parse_iso8601_ts(column) -%}
    cast(try(from_iso8601_timestamp({{ column }})) at time zone 'UTC' as timestamp(6))
{%- endmacro %}

{#- Athena engine v3 is Trino: the same body -#}
{% macro athena__try_parse_iso8601_ts(column) %}{{ return(connect_lake.trino__try_parse_iso8601_ts(column)) }}{% endmacro %}

{% macro duckdb__try_parse_iso8601_ts(column) -%}
    cast(timezone('UTC', try_cast({{ column }} as timestamptz)) as timestamp)
{%- endmacro %}

{% macro default__try_parse_iso8601_ts(column) %}
    {{ exceptions.raise_compiler_error('try_parse_iso8601_ts: no implementation for ' ~ target.type) }}
{% endmacro %}
