{# ---------------------------------------------------------------------------------------------------- #}
{# Trino: the same tables in a Hive catalog, in Trino's DDL (Athena's is HiveQL, which Trino rejects)     #}
{# ---------------------------------------------------------------------------------------------------- #}

{% macro trino__stage_raw_source(node, landing) %}
    {%- do connect_lake.run_ddl(connect_lake.trino_raw_ddl(node, landing)) -%}
    {{ return(none) }}
{% endmacro %}


{% macro trino_raw_root() %}
    {%- set uri = env_var('CONNECT_LAKE_RAW_S3_URI', '') -%}
    {{ return((uri or 'local://' ~ connect_lake.absolute_raw_path()).rstrip('/')) }}
{% endmacro %}


{% macro trino_raw_ddl(node, landing) %}
    {%- set schema = connect_lake.raw_catalog_schema() -%}
    {%- set location = connect_lake.trino_raw_root() ~ '/' ~ landing.prefix -%}
    {%- set enum_partitions = landing.get('athena_enum_partitions', {}) -%}
    {%- set unit = landing.get('athena_projection_unit', 'HOURS') -%}
    {%- set start = landing.get('athena_projection_start', '2024/01/01/00') -%}
    {%- set template = landing.get('athena_location_template', '${datehour}/') -%}
    {%- set statements = ['create schema if not exists ' ~ schema] -%}
    {%- set text_table -%}
create table if not exists {{ schema }}.{{ node.name }}__text (
    line varchar,
    datehour varchar with (
        partition_projection_type = 'DATE',
        partition_projection_format = '{{ landing.athena_projection_format }}',
        partition_projection_range = array['{{ start }}', 'NOW'],
        partition_projection_interval = 1,
        partition_projection_interval_unit = '{{ unit }}'
    ){% for name, values in enum_partitions.items() %},
    {{ name }} varchar with (
        partition_projection_type = 'ENUM',
        partition_projection_values = array[{% for v in values.split(',') %}'{{ v }}'{{ ', ' if not loop.last }}{% endfor %}]
    ){% endfor %}
)
with (
    format = 'TEXTFILE',
    -- no field separator occurs in a line of JSON text: each line is one value
    textfile_field_separator = U&'\0001',
    external_location = '{{ location }}',
    partitioned_by = array['datehour'{% for name in enum_partitions %}, '{{ name }}'{% endfor %}],
    partition_projection_enabled = true,
    partition_projection_location_template = '{{ location }}/{{ template }}'
)
    {%- endset -%}
    {%- do statements.append(text_table) -%}
    {%- set lines_view -%}
create or replace view {{ schema }}.{{ node.name }} as
select
    "$path" as _source_file,
    datehour as _datehour,
    "$file_size" as _object_size_bytes,
    line
from {{ schema }}.{{ node.name }}__text
    {%- endset -%}
    {%- do statements.append(lines_view) -%}
    {{ return(statements) }}
{% endmacro %}

{% macro trino__stage_object_checks() %}
    {%- call statement('object_checks') -%}
create table if not exists {{ connect_lake.raw_catalog_schema() }}.landing_object_checks (
    source varchar,
    object_key varchar,
    landing_folder varchar,
    size_bytes bigint,
    problem varchar,
    checked_at varchar
)
with (
    format = 'OPENX_JSON',
    external_location = '{{ connect_lake.trino_raw_root() }}/_connect_lake/object_checks'
)
    {%- endcall -%}
{% endmacro %}
