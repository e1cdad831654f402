{% macro ms_to_s(expression) -%}
    (cast(({{ expression }}) as double) / 1000)
{%- endmacro %}
