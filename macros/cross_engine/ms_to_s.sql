{#- Milliseconds (an integer expression) to seconds as double. Not a division by the literal 1000.0: Trino reads it as a
    DECIMAL literal, so an integer divided by it is a decimal, which breaks a contract declaring double. -#}
{% macro ms_to_s(expression) -%}
    (cast(({{ expression }}) as double) / 1000)
{%- endmacro %}
