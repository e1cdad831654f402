{% macro regex_matches(column, pattern) %}
    {{ return(adapter.dispatch('regex_matches', 'connect_lake')(column, pattern)) }}
{% endmacro %}

{% macro trino__regex_matches(column, pattern) -%}
    regexp_like({{ column }}, '{{ pattern | replace("'", "''") }}')
{%- endmacro %}

{#- Athena engine v3 is Trino: the same body -#}
{% macro athena__regex_matches(column, pattern) %}{{ return(connect_lake.trino__regex_matches(column, pattern)) }}{% endmacro %}

{% macro duckdb__regex_matches(column, pattern) -%}
    regexp_matches({{ column }}, '{{ pattern | replace("'", "''") }}')
{%- endmacro %}

{% macro default__regex_matches(column, pattern) %}
    {{ exceptions.raise_compiler_error('regex_matches: no implementation for ' ~ target.type) }}
{% endmacro %}


{% macro regex_extract(column, pattern, group=1) %}
    {{ return(adapter.dispatch('regex_extract', 'connect_lake')(column, pattern, group)) }}
{% endmacro %}

{% macro trino__regex_extract(column, pattern, group=1) -%}
    regexp_extract({{ column }}, '{{ pattern | replace("'", "''") }}', {{ group }})
{%- endmacro %}

{#- Athena engine v3 is Trino: the same body -#}
{% macro athena__regex_extract(column, pattern, group=1) %}{{ return(connect_lake.trino__regex_extract(column, pattern, group)) }}{% endmacro %}

{% macro duckdb__regex_extract(column, pattern, group=1) -%}
    nullif(regexp_extract({{ column }}, '{{ pattern | replace("'", "''") }}', {{ group }}), '')
{%- endmacro %}

{% macro default__regex_extract(column, pattern, group=1) %}
    {{ exceptions.raise_compiler_error('regex_extract: no implementation for ' ~ target.type) }}
{% endmacro %}


{% macro regex_replace_all(column, pattern, replacement) %}
    {{ return(adapter.dispatch('regex_replace_all', 'connect_lake')(column, pattern, replacement)) }}
{% endmacro %}

{% macro trino__regex_replace_all(column, pattern, replacement) -%}
    regexp_replace({{ column }}, '{{ pattern | replace("'", "''") }}', '{{ replacement | replace("'", "''") }}')
{%- endmacro %}

{#- Athena engine v3 is Trino: the same body -#}
{% macro athena__regex_replace_all(column, pattern, replacement) %}{{ return(connect_lake.trino__regex_replace_all(column, pattern, replacement)) }}{% endmacro %}

{% macro duckdb__regex_replace_all(column, pattern, replacement) -%}
    regexp_replace({{ column }}, '{{ pattern | replace("'", "''") }}', '{{ replacement | replace("'", "''") }}', 'g')
{%- endmacro %}

{% macro default__regex_replace_all(column, pattern, replacement) %}
    {{ exceptions.raise_compiler_error('regex_replace_all: no implementation for ' ~ target.type) }}
{% endmacro %}
