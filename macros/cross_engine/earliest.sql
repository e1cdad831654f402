{% macro earliest(expressions) -%}
    {%- set far = "cast('9999-12-31 00:00:00' as " ~ connect_lake.timestamp_type() ~ ")" -%}
    nullif(least(
        {%- for expression in expressions %}
        coalesce({{ expression }}, {{ far }}){{ ',' if not loop.last }}
        {%- endfor %}
    ), {{ far }})
{%- endmacro %}
