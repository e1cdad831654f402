{% macro unnest_rows(array_column, alias, fields, ordinal=none) %}
    {{ return(adapter.dispatch('unnest_rows', 'connect_lake')(array_column, alias, fields, ordinal)) }}
{% endmacro %}

{% macro trino__unnest_rows(array_column, alias, fields, ordinal=none) -%}
    cross join unnest({{ array_column }}){{ ' with ordinality' if ordinal }} as {{ alias }} (
        {{- (fields + ([ordinal] if ordinal else [])) | join(', ') -}}
    )
{%- endmacro %}

{#- Athena engine v3 is Trino: the same body -#}
{% macro athena__unnest_rows(array_column, alias, fields, ordinal=none) %}{{ return(connect_lake.trino__unnest_rows(array_column, alias, fields, ordinal)) }}{% endmacro %}

{% macro duckdb__unnest_rows(array_column, alias, fields, ordinal=none) -%}
    cross join lateral (
        select unnest({{ array_column }}, max_depth := 2)
        {%- if ordinal %}, generate_subscripts({{ array_column }}, 1){% endif %}
    ) as {{ alias }} ({{ (fields + ([ordinal] if ordinal else [])) | join(', ') }})
{%- endmacro %}

{% macro default__unnest_rows(array_column, alias, fields, ordinal=none) %}
    {{ exceptions.raise_compiler_error('unnest_rows: no implementation for ' ~ target.type) }}
{% endmacro %}


{% macro array_length(array_column) %}
    {{ return(adapter.dispatch('array_length', 'connect_lake')(array_column)) }}
{% endmacro %}

{% macro trino__array_length(array_column) -%}
    cardinality({{ array_column }})
{%- endmacro %}

{#- Athena engine v3 is Trino: the same body -#}
{% macro athena__array_length(array_column) %}{{ return(connect_lake.trino__array_length(array_column)) }}{% endmacro %}

{% macro duckdb__array_length(array_column) -%}
    len({{ array_column }})
{%- endmacro %}

{% macro default__array_length(array_column) %}
    {{ exceptions.raise_compiler_error('array_length: no implementation for ' ~ target.type) }}
{% endmacro %}
