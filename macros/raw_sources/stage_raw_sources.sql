{#
    stage_raw_sources: create the raw relations of the `connect` source from its one declaration.

    Every table of `models/staging/connect/_connect__sources.yml` whose meta has a `landing` block gets two
    relations in the raw schema, on both engines, with the same columns:
      <table>          the declared columns (lower-case names, declared types) + _source_file + _datehour;
                       a line that is not valid JSON comes through as a row of nulls (never stops a read)
      <table>__lines   every physical line as text, for the rejects model (_source_file, _line_number, line)
    DuckDB: views over the landing folder (read_json with the explicit columns, no auto-detection).
    Athena: external tables over the S3 prefix (OpenX JSON SerDe, partition projection over the Firehose
    YYYY/MM/DD/HH prefix, no crawler, no MSCK REPAIR) with views adding the file path.

    Usage: dbt run-operation stage_raw_sources [--args '{tables: [contact_records]}']
#}
{% macro stage_raw_sources(tables=none) %}
    {%- set staged = [] -%}
    {%- for node in graph.sources.values() if node.source_name == 'connect' -%}
        {%- set landing = node.meta.get('landing') -%}
        {%- if landing and (tables is none or node.name in tables) -%}
            {%- do connect_lake.stage_raw_source(node, landing) -%}
            {%- do staged.append(node.name) -%}
        {%- endif -%}
    {%- endfor -%}
    {%- do log('stage_raw_sources: staged ' ~ (staged | join(', ')) ~ ' in ' ~ connect_lake.raw_schema() ~ ' on ' ~ target.type, info=true) -%}
{% endmacro %}


{% macro stage_raw_source(node, landing) %}
    {{ return(adapter.dispatch('stage_raw_source', 'connect_lake')(node, landing)) }}
{% endmacro %}


{% macro default__stage_raw_source(node, landing) %}
    {{ exceptions.raise_compiler_error('stage_raw_source: no implementation for ' ~ target.type) }}
{% endmacro %}


{#- The declared columns of a raw table: [{json_key, name, hive_type, is_json_text}] -#}
{% macro raw_columns(node) %}
    {%- set columns = [] -%}
    {%- for column in node.columns.values() if not column.name.startswith('_') -%}
        {%- do columns.append({
            'json_key': column.name,
            'name': column.name | lower,
            'hive_type': column.data_type,
            'is_json_text': column.meta.get('json_text', false),
        }) -%}
    {%- endfor -%}
    {{ return(columns) }}
{% endmacro %}


{# ---------------------------------------------------------------------------------------------------- #}
{# DuckDB: views over the local landing folder                                                            #}
{# ---------------------------------------------------------------------------------------------------- #}

{% macro duckdb__stage_raw_source(node, landing) %}
    {%- set schema = connect_lake.raw_schema() -%}
    {%- set raw_root = connect_lake.absolute_raw_path() -%}
    {%- set glob = raw_root ~ '/' ~ landing.prefix ~ '/' ~ landing.duckdb_glob -%}
    {%- set columns = connect_lake.raw_columns(node) -%}
    {%- set compression = landing.get('compression', 'none') -%}
    {%- set datehour = "regexp_extract(filename, '" ~ landing.datehour_regex ~ "', 1)" -%}
    {%- set found = run_query("select count(*) from glob('" ~ glob ~ "')").columns[0].values()[0] -%}

    {%- call statement('raw_schema') -%}create schema if not exists {{ schema }}{%- endcall -%}

    {%- if found == 0 -%}
        {%- do log('stage_raw_sources: no files at ' ~ glob ~ '; ' ~ node.name ~ ' is staged empty', info=true) -%}
        {%- call statement('raw_view') -%}
        create or replace view {{ schema }}.{{ node.name }} as
        select
            {%- for c in columns %}
            cast(null as {{ 'VARCHAR' if c.is_json_text else connect_lake.hive_to_duckdb_type(c.hive_type) }}) as {{ c.name }},
            {%- endfor %}
            cast(null as varchar) as _source_file,
            cast(null as varchar) as _datehour
        where false
        {%- endcall -%}
        {%- call statement('raw_lines_view') -%}
        create or replace view {{ schema }}.{{ node.name }}__lines as
        select
            cast(null as varchar) as _source_file,
            cast(null as bigint) as _line_number,
            cast(null as varchar) as line,
            cast(null as varchar) as _datehour
        where false
        {%- endcall -%}
    {%- else -%}
        {%- call statement('raw_view') -%}
        create or replace view {{ schema }}.{{ node.name }} as
        select
            {%- for c in columns %}
            {% if c.is_json_text -%}
            cast("{{ c.json_key }}" as varchar) as {{ c.name }},
            {%- else -%}
            "{{ c.json_key }}" as {{ c.name }},
            {%- endif -%}
            {%- endfor %}
            filename as _source_file,
            {{ datehour }} as _datehour
        from read_json(
            '{{ glob }}',
            columns = {
                {%- for c in columns %}
                '{{ c.json_key }}': '{{ 'JSON' if c.is_json_text else connect_lake.hive_to_duckdb_type(c.hive_type) | replace("'", "''") }}'{{ ',' if not loop.last }}
                {%- endfor %}
            },
            format = 'newline_delimited',
            compression = '{{ compression }}',
            auto_detect = false,
            ignore_errors = true,
            maximum_object_size = 67108864,
            filename = true
        )
        {%- endcall -%}
        {%- call statement('raw_lines_view') -%}
        create or replace view {{ schema }}.{{ node.name }}__lines as
        {#- A partitioned window may reorder rows; a plain row_number() over () streams in scan order (files
            one after another, lines in order), so number globally and subtract each file's first number. #}
        select
            filename as _source_file,
            cast(scan_position - min(scan_position) over (partition by filename) + 1 as bigint) as _line_number,
            line,
            {{ datehour }} as _datehour
        from (
            select filename, line, row_number() over () as scan_position
            from read_csv(
            '{{ glob }}',
            columns = {'line': 'VARCHAR'},
            delim = chr(1),
            quote = '',
            escape = '',
            header = false,
            auto_detect = false,
            compression = '{{ compression }}',
            max_line_size = 67108864,
            strict_mode = false,
            filename = true
        )
        ) as scanned
        {%- endcall -%}
    {%- endif -%}
    {#- run-operation does not commit on its own -#}
    {%- do adapter.commit() -%}
{% endmacro %}


{% macro absolute_raw_path() %}
    {#- Views keep the path verbatim, so make it absolute: the warehouse can then be opened from anywhere. -#}
    {%- set raw = connect_lake.raw_path() -%}
    {%- if raw.startswith('/') -%}
        {{ return(raw.rstrip('/')) }}
    {%- endif -%}
    {{ return((env_var('PWD', '.') ~ '/' ~ raw).rstrip('/')) }}
{% endmacro %}


{#- Hive DDL type (as declared in the sources YAML) to the DuckDB type read_json needs; field names keep
    their JSON case, which DuckDB matches exactly when reading and case-insensitively when querying. -#}
{% macro hive_to_duckdb_type(hive_type) %}
    {%- set t = hive_type | trim -%}
    {%- set lower = t | lower -%}
    {%- if lower.startswith('struct<') -%}
        {%- set fields = [] -%}
        {%- for field in connect_lake.split_top_level(t[7:-1]) -%}
            {%- set name = field.split(':', 1)[0] | trim -%}
            {%- set field_type = field.split(':', 1)[1] -%}
            {%- do fields.append('"' ~ name ~ '" ' ~ connect_lake.hive_to_duckdb_type(field_type)) -%}
        {%- endfor -%}
        {{ return('STRUCT(' ~ (fields | join(', ')) ~ ')') }}
    {%- elif lower.startswith('array<') -%}
        {{ return(connect_lake.hive_to_duckdb_type(t[6:-1]) ~ '[]') }}
    {%- elif lower.startswith('map<') -%}
        {%- set parts = connect_lake.split_top_level(t[4:-1]) -%}
        {{ return('MAP(' ~ connect_lake.hive_to_duckdb_type(parts[0]) ~ ', ' ~ connect_lake.hive_to_duckdb_type(parts[1]) ~ ')') }}
    {%- else -%}
        {%- set scalars = {'string': 'VARCHAR', 'int': 'INTEGER', 'integer': 'INTEGER', 'bigint': 'BIGINT',
                           'double': 'DOUBLE', 'float': 'REAL', 'boolean': 'BOOLEAN', 'smallint': 'SMALLINT'} -%}
        {%- if lower not in scalars -%}
            {{ exceptions.raise_compiler_error('hive_to_duckdb_type: unsupported type ' ~ hive_type) }}
        {%- endif -%}
        {{ return(scalars[lower]) }}
    {%- endif -%}
{% endmacro %}


{% macro split_top_level(text) %}
    {%- set ns = namespace(depth=0, current='', parts=[]) -%}
    {%- for ch in text -%}
        {%- if ch == '<' -%}
            {%- set ns.depth = ns.depth + 1 -%}
        {%- elif ch == '>' -%}
            {%- set ns.depth = ns.depth - 1 -%}
        {%- endif -%}
        {%- if ch == ',' and ns.depth == 0 -%}
            {%- do ns.parts.append(ns.current) -%}
            {%- set ns.current = '' -%}
        {%- else -%}
            {%- set ns.current = ns.current ~ ch -%}
        {%- endif -%}
    {%- endfor -%}
    {%- do ns.parts.append(ns.current) -%}
    {{ return(ns.parts) }}
{% endmacro %}


{# ---------------------------------------------------------------------------------------------------- #}
{# Athena: external tables over S3 with partition projection, and views that add the file path          #}
{# ---------------------------------------------------------------------------------------------------- #}

{% macro athena__stage_raw_source(node, landing) %}
    {%- for sql in connect_lake.athena_raw_ddl(node, landing) -%}
        {%- call statement('raw_ddl_' ~ loop.index) -%}{{ sql }}{%- endcall -%}
    {%- endfor -%}
{% endmacro %}


{#- The DDL statements, as a list, so the offline checks can render and parse them without AWS. -#}
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
    {%- set lines_table -%}
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
    {%- do statements.append(lines_table) -%}
    {%- set typed_view -%}
create or replace view "{{ schema }}"."{{ node.name }}" as
select
{%- for c in columns %}
    "{{ c.name }}",
{%- endfor %}
    "$path" as _source_file,
    datehour as _datehour
from "{{ schema }}"."{{ node.name }}__json"
    {%- endset -%}
    {%- do statements.append(typed_view) -%}
    {%- set lines_view -%}
create or replace view "{{ schema }}"."{{ node.name }}__lines" as
select
    "$path" as _source_file,
    cast(null as bigint) as _line_number,
    line,
    datehour as _datehour
from "{{ schema }}"."{{ node.name }}__text"
    {%- endset -%}
    {%- do statements.append(lines_view) -%}
    {{ return(statements) }}
{% endmacro %}


{#- Print the Athena DDL stage_raw_sources would run, without running it (offline checks, reviews). -#}
{% macro print_athena_raw_ddl() %}
    {%- for node in graph.sources.values() if node.source_name == 'connect' and node.meta.get('landing') -%}
        {%- for sql in connect_lake.athena_raw_ddl(node, node.meta.landing) -%}
            {%- do print('-- ' ~ node.name ~ ' statement ' ~ loop.index ~ '\n' ~ sql ~ ';\n') -%}
        {%- endfor -%}
    {%- endfor -%}
{% endmacro %}
