{#- Deployment settings: an environment variable when set, else the var of the same meaning. -#}

{% macro raw_path() %}
    {{ return(env_var('CONNECT_LAKE_RAW_PATH', var('raw_path'))) }}
{% endmacro %}

{% macro raw_s3_uri() %}
    {{ return(env_var('CONNECT_LAKE_RAW_S3_URI', var('raw_s3_uri'))) }}
{% endmacro %}

{#- The schema of the raw relations: the one the `connect` source resolves to (_connect__sources.yml reads
    CONNECT_LAKE_RAW_SCHEMA, else var raw_schema), so what stage_raw_sources creates and what source() reads
    are one setting. While parsing (no graph yet) the var stands in; nothing runs then. -#}
{% macro raw_schema() %}
    {{ return(connect_lake.connect_source_node().schema if execute else var('raw_schema')) }}
{% endmacro %}

{#- The catalog of the raw relations on Trino, likewise the `connect` source's own. -#}
{% macro raw_catalog() %}
    {{ return(connect_lake.connect_source_node().database if execute else 'hive') }}
{% endmacro %}

{#- Any table of the `connect` source: they share its database and schema. -#}
{% macro connect_source_node() %}
    {%- for node in graph.sources.values() if node.source_name == 'connect' -%}
        {{ return(node) }}
    {%- endfor -%}
    {{ exceptions.raise_compiler_error('connect_lake: the source `connect` is not declared') }}
{% endmacro %}

{% macro pii_hash_salt() %}
    {{ return(env_var('CONNECT_LAKE_PII_SALT', var('pii_hash_salt'))) }}
{% endmacro %}
