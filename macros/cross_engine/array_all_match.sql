{% macro array_all_match(array_column, alias, predicate) %}
    {{ return(adapter.dispatch('array_all_match', 'connect_lake')(array_column, alias, predicate)) }}
{% endmacro %}

{% macro trino__array_all_match(array_column, alias, predicate) -%}
    coalesce(all_match({{ array_column }}, {{ alias }} -> {{ predicate }}), true)
{%- endmacro %}

{#- Athena engine v3 is Trino: the same body -#}
{% macro athena__array_all_match(array_column, alias, predicate) %}{{ return(connect_lake.trino__array_all_match(array_column, alias, predicate)) }}{% endmacro %}

{% macro duckdb__array_all_match(array_column, alias, predicate) -%}
    coalesce(list_bool_and(list_transform({{ array_column }}, lambda {{ alias }}: {{ predicate }})), true)
{%- endmacro %}

{% macro default__array_all_match(array_column, alias, predicate) %}
    {{ exceptions.raise_compiler_error('array_all_match: no implementation for ' ~ target.type) }}
{% endmacro %}
