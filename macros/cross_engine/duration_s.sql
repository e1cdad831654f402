{% macro duration_s(start_column, end_column, precision) -%}
    {%- if precision == 'millisecond' -%}
        {{ connect_lake.ms_to_s(connect_lake.epoch_ms(end_column) ~ ' - ' ~ connect_lake.epoch_ms(start_column)) }}
    {%- elif precision == 'second' -%}
        {{ adapter.dispatch('whole_seconds_between', 'connect_lake')(start_column, end_column) }}
    {%- else -%}
        {{ exceptions.raise_compiler_error("duration_s: precision is 'millisecond' or 'second', not " ~ precision) }}
    {%- endif -%}
{%- endmacro %}

{% macro trino__whole_seconds_between(start_column, end_column) -%}
    cast(floor(to_unixtime({{ end_column }}) - to_unixtime({{ start_column }})) as bigint)
{%- endmacro %}

{#- Athena engine v3 is Trino: the same body -#}
{% macro athena__whole_seconds_between(start_column, end_column) %}{{ return(connect_lake.trino__whole_seconds_between(start_column, end_column)) }}{% endmacro %}

{% macro duckdb__whole_seconds_between(start_column, end_column) -%}
    cast(floor(epoch({{ end_column }}) - epoch({{ start_column }})) as bigint)
{%- endmacro %}

{% macro default__whole_seconds_between(start_column, end_column) %}
    {{ exceptions.raise_compiler_error('duration_s: no implementation for ' ~ target.type) }}
{% endmacro %}
