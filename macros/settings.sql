{#- Deployment settings: an environment variable when set, else the var of the same meaning. -#}

{% macro raw_path() %}
    {{ return(env_var('CONNECT_LAKE_RAW_PATH', var('raw_path'))) }}
{% endmacro %}

{% macro raw_s3_uri() %}
    {{ return(env_var('CONNECT_LAKE_RAW_S3_URI', var('raw_s3_uri'))) }}
{% endmacro %}

{% macro raw_schema() %}
    {{ return(env_var('CONNECT_LAKE_RAW_SCHEMA', var('raw_schema'))) }}
{% endmacro %}

{% macro pii_hash_salt() %}
    {{ return(env_var('CONNECT_LAKE_PII_SALT', var('pii_hash_salt'))) }}
{% endmacro %}
