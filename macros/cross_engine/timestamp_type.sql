{% macro timestamp_type() %}
    {{ return(adapter.dispatch('timestamp_type', 'connect_lake')()) }}
{% endmacro %}

{% macro trino__timestamp_type() %}{{ return('timestamp(6)') }}{% endmacro %}

{#- Athena engine v3 is Trino: the same body -#}
{% macro athena__timestamp_type() %}{{ return(connect_lake.trino__timestamp_type()) }}{% endmacro %}

{% macro duckdb__timestamp_type() %}{{ return('timestamp') }}{% endmacro %}

{% macro default__timestamp_type() %}
    {{ exceptions.raise_compiler_error('timestamp_type: no implementation for ' ~ target.type) }}
{% endmacro %}
