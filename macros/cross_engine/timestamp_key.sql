{% macro timestamp_key(column) -%}
    cast({{ connect_lake.epoch_ms(column) }} as varchar)
{%- endmacro %}
