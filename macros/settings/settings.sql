{% macro raw_path() %}
    {{ return(env_var('CONNECT_LAKE_RAW_PATH', var('raw_path'))) }}
{% endmacro %}

{% macro raw_s3_uri() %}
    {{ return(env_var('CONNECT_LAKE_RAW_S3_URI', var('raw_s3_uri'))) }}
{% endmacro %}

{% macro raw_schema() %}
    {{ return(connect_lake.connect_source_node().schema if execute else var('raw_schema')) }}
{% endmacro %}

{% macro raw_catalog() %}
    {{ return(connect_lake.connect_source_node().database if execute else 'hive') }}
{% endmacro %}

{% macro connect_source_node() %}
    {%- for node in graph.sources.values() if node.source_name == 'connect' -%}
        {{ return(node) }}
    {%- endfor -%}
    {{ exceptions.raise_compiler_error('connect_lake: the source `connect` is not declared') }}
{% endmacro %}

{% macro pii_hash_salt() %}
    {{ return(env_var('CONNECT_LAKE_PII_SALT', var('pii_hash_salt'))) }}
{% endmacro %}
