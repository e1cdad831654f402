{% macro pii_hash(column) %}
    {{ return(adapter.dispatch('pii_hash', 'connect_lake')(column)) }}
{% endmacro %}

{% macro trino__pii_hash(column) -%}
    lower(to_hex(sha256(to_utf8('{{ connect_lake.pii_hash_salt() }}' || lower(trim({{ column }}))))))
{%- endmacro %}

{#- Athena engine v3 is Trino: the same body -#}
{% macro athena__pii_hash(column) %}{{ return(connect_lake.trino__pii_hash(column)) }}{% endmacro %}

{% macro duckdb__pii_hash(column) -%}
    sha256('{{ connect_lake.pii_hash_salt() }}' || lower(trim({{ column }})))
{%- endmacro %}

{% macro default__pii_hash(column) %}
    {{ exceptions.raise_compiler_error('pii_hash: no implementation for ' ~ target.type) }}
{% endmacro %}
