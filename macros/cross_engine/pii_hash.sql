{#- Salted SHA-256 of a PII value (phone number, e-mail address) as lower-case hex; null stays null.
    The same value and salt give the same key on both engines, so contacts join to customers by key
    without either side exposing the raw value. The salt is CONNECT_LAKE_PII_SALT (var pii_hash_salt). -#}
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
