{# ---------------------------------------------------------------------------------------------------- #}
{# Athena: external tables over S3 with partition projection, and a view of each source's lines         #}
{# ---------------------------------------------------------------------------------------------------- #}

{% macro athena__stage_raw_source(node, landing) %}
    {%- do connect_lake.run_ddl(connect_lake.athena_raw_ddl(node, landing)) -%}
    {{ return(none) }}
{% endmacro %}


{% macro athena_raw_ddl(node, landing) %}
    {%- set schema = connect_lake.raw_schema() -%}
    {%- set location = connect_lake.raw_s3_uri().rstrip('/') ~ '/' ~ landing.prefix ~ '/' -%}
    {%- set columns = connect_lake.raw_columns(node) -%}
    {%- set enum_partitions = landing.get('athena_enum_partitions', {}) -%}
    {%- set projection -%}
        'projection.enabled' = 'true',
        'projection.datehour.type' = 'date',
        'projection.datehour.format' = '{{ landing.athena_projection_format }}',
        'projection.datehour.range' = '{{ landing.get('athena_projection_start', '2024/01/01/00') }},NOW',
        'projection.datehour.interval' = '1',
        'projection.datehour.interval.unit' = '{{ landing.get('athena_projection_unit', 'HOURS') }}',
        {%- for name, values in enum_partitions.items() %}
        'projection.{{ name }}.type' = 'enum',
        'projection.{{ name }}.values' = '{{ values }}',
        {%- endfor %}
        'storage.location.template' = '{{ location }}{{ landing.get('athena_location_template', '${datehour}/') }}'
    {%- endset -%}
    {%- set partitions -%}
partitioned by (`datehour` string{% for name in enum_partitions %}, `{{ name }}` string{% endfor %})
    {%- endset -%}
    {%- set statements = [] -%}
    {%- do statements.append('create database if not exists `' ~ schema ~ '`') -%}
    {%- set text_table -%}
create external table if not exists `{{ schema }}`.`{{ node.name }}__text` (
    `line` string
)
{{ partitions }}
stored as textfile
location '{{ location }}'
tblproperties (
    {{ projection }}
)
    {%- endset -%}
    {%- do statements.append(text_table) -%}
    {%- set lines_view -%}
create or replace view "{{ schema }}"."{{ node.name }}" as
select
    "$path" as _source_file,
    datehour as _datehour,
    "$file_size" as _object_size_bytes,
    line
from "{{ schema }}"."{{ node.name }}__text"
    {%- endset -%}
    {%- do statements.append(lines_view) -%}
    {%- set json_table -%}
create external table if not exists `{{ schema }}`.`{{ node.name }}__json` (
{%- for c in columns %}
    `{{ c.name }}` {{ 'string' if c.is_json_text else c.hive_type | lower }}{{ ',' if not loop.last }}
{%- endfor %}
)
{{ partitions }}
row format serde 'org.openx.data.jsonserde.JsonSerDe'
with serdeproperties (
    'ignore.malformed.json' = 'true',
    'case.insensitive' = 'true',
    'dots.in.keys' = 'false'
)
stored as inputformat 'org.apache.hadoop.mapred.TextInputFormat'
outputformat 'org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat'
location '{{ location }}'
tblproperties (
    'classification' = 'json',
    {{ projection }}
)
    {%- endset -%}
    {%- do statements.append(json_table) -%}
    {{ return(statements) }}
{% endmacro %}

{% macro athena__stage_object_checks() %}
    {%- call statement('object_checks') -%}{{ connect_lake.athena_object_checks_ddl() }}{%- endcall -%}
{% endmacro %}

{% macro athena_object_checks_ddl() -%}
create external table if not exists `{{ connect_lake.raw_schema() }}`.`landing_object_checks` (
    `source` string,
    `object_key` string,
    `landing_folder` string,
    `size_bytes` bigint,
    `problem` string,
    `checked_at` string
)
row format serde 'org.openx.data.jsonserde.JsonSerDe'
location '{{ connect_lake.raw_s3_uri().rstrip('/') }}/_connect_lake/object_checks/'
{%- endmacro %}


{% macro print_athena_raw_ddl() %}
    {%- for node in graph.sources.values() if node.source_name == 'connect' and node.meta.get('landing') -%}
        {%- for sql in connect_lake.athena_raw_ddl(node, node.meta.landing) -%}
            {%- do print('-- ' ~ node.name ~ ' statement ' ~ loop.index ~ '\n' ~ sql ~ ';\n') -%}
        {%- endfor -%}
    {%- endfor -%}
    {%- do print('-- landing_object_checks\n' ~ connect_lake.athena_object_checks_ddl() ~ ';\n') -%}
{% endmacro %}
