{#- A timestamp as text that is the same on both engines (milliseconds since the epoch), for surrogate keys:
    casting a timestamp to varchar prints it differently on Trino and DuckDB. -#}
{% macro timestamp_key(column) -%}
    cast({{ connect_lake.epoch_ms(column) }} as varchar)
{%- endmacro %}
