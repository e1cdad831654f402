{#-
    The WITH clause of every table dbt-trino creates: the one place the Athena table configs of the models
    (`table_type`, `format`, `partitioned_by`; `write_compression` is the Iceberg catalog's
    iceberg.compression-codec) become Trino Iceberg table properties, so each model is configured once.
    Overrides dbt-trino's `properties` macro (not dispatched, so the root project's definition wins);
    a model's own `properties` config is kept and wins over the mapping.
    Athena's Iceberg partition transforms (`month(interval_date)`, `day(ts)`, `bucket(n, col)`) are Trino's own.
-#}
{% macro properties(temporary=False) %}
    {%- set mapped = {} -%}
    {%- set file_format = config.get('format') -%}
    {%- if file_format -%}
        {%- do mapped.update({'format': "'" ~ (file_format | upper) ~ "'"}) -%}
    {%- endif -%}
    {%- set partitioned_by = config.get('partitioned_by') -%}
    {%- if partitioned_by and not temporary -%}
        {%- set quoted = [] -%}
        {%- for field in partitioned_by -%}{%- do quoted.append("'" ~ field ~ "'") -%}{%- endfor -%}
        {%- do mapped.update({'partitioning': 'array[' ~ (quoted | join(', ')) ~ ']'}) -%}
    {%- endif -%}
    {%- do mapped.update(config.get('properties') or {}) -%}
    {%- if mapped %}
    with (
        {%- for key, value in mapped.items() %}
        {{ key }} = {{ value }}{{ ',' if not loop.last }}
        {%- endfor %}
    )
    {%- endif -%}
{%- endmacro %}
