{% macro time_bucket(column, minutes) %}
    {%- if 60 % (minutes | int) != 0 -%}
        {{ exceptions.raise_compiler_error('time_bucket: interval_minutes must divide 60, got ' ~ minutes) }}
    {%- endif -%}
    cast({{ dbt.dateadd(
        'minute',
        'cast(floor(extract(minute from ' ~ column ~ ') / ' ~ minutes ~ ') * ' ~ minutes ~ ' as bigint)',
        "date_trunc('hour', " ~ column ~ ")"
    ) }} as {{ connect_lake.timestamp_type() }})
{%- endmacro %}
