{#- The elements of a JSON document's top-level array field, as an array of JSON values; null when the text is
    not JSON or the field is not an array (so the caller can tell a document without its records). -#}
{% macro json_array_elements(column, field) %}
    {{ return(adapter.dispatch('json_array_elements', 'connect_lake')(column, field)) }}
{% endmacro %}

{% macro trino__json_array_elements(column, field) -%}
    try(cast(json_extract({{ column }}, '$.{{ field }}') as array(json)))
{%- endmacro %}

{#- Athena engine v3 is Trino: the same body -#}
{% macro athena__json_array_elements(column, field) %}{{ return(connect_lake.trino__json_array_elements(column, field)) }}{% endmacro %}

{% macro duckdb__json_array_elements(column, field) -%}
    case
        when coalesce(json_valid({{ column }}), false) and json_type({{ column }}, '$.{{ field }}') = 'ARRAY'
            then json_extract({{ column }}, '$.{{ field }}[*]')
    end
{%- endmacro %}

{% macro default__json_array_elements(column, field) %}
    {{ exceptions.raise_compiler_error('json_array_elements: no implementation for ' ~ target.type) }}
{% endmacro %}
