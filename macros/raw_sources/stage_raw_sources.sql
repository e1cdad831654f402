{#
    stage_raw_sources: check the landing zone and create the raw relation of every source of the `connect`
    source from its one declaration (models/staging/connect/_connect__sources.yml).

    DuckDB: one view per source, named as the source, listing its landed objects under CONNECT_LAKE_RAW_PATH
    (object key, folder, landing folder, and whether the key is where the source's objects belong). The base
    models read the files themselves, each object once.
    Athena and Trino: per source an external text table over the landing prefix (partition projection over the landing
    folders, no crawler, no MSCK REPAIR), a view named as the source over it with each line's object key and
    size (the base models read it); on Athena also a typed OpenX JSON table `<source>__json` for ad-hoc
    queries. Both get `landing_object_checks`, the objects `connect-lake check-objects` found unreadable.

    Fails, naming the folder and the layout it expects, when the landing zone holds no object of any source:
    a mistyped path must not give a green build of empty marts. `allow_empty: true` accepts an empty landing
    zone on purpose (a new deployment); a source without objects is reported either way.

    Usage: dbt run-operation stage_raw_sources [--args '{tables: [contact_records], allow_empty: true}']
#}
{% macro stage_raw_sources(tables=none, allow_empty=false) %}
    {%- set staged = [] -%}
    {%- set empty = [] -%}
    {%- for node in graph.sources.values() if node.source_name == 'connect' -%}
        {%- set landing = node.meta.get('landing') -%}
        {%- if landing and (tables is none or node.name in tables) -%}
            {%- set has_objects = connect_lake.stage_raw_source(node, landing) -%}
            {%- do staged.append(node.name) -%}
            {%- if has_objects == false -%}{%- do empty.append(node.name ~ ' under ' ~ landing.prefix ~ '/') -%}{%- endif -%}
        {%- endif -%}
    {%- endfor -%}
    {%- if tables is none -%}{%- do connect_lake.stage_object_checks() -%}{%- endif -%}
    {%- if empty and target.type == 'duckdb' -%}
        {%- if empty | length == staged | length and not allow_empty -%}
            {{ exceptions.raise_compiler_error(
                'stage_raw_sources: no landed object of any source under ' ~ connect_lake.absolute_raw_path()
                ~ ' (is CONNECT_LAKE_RAW_PATH right?). Expected Firehose objects under contact_records/, agent_events/, '
                ~ 'contact_flow_logs/, customer_profiles/ as <prefix>/YYYY/MM/DD/HH/<object>.gz, and Contact Lens '
                ~ 'output under contact_lens/Analysis/{Voice,Chat}/[Redacted/]YYYY/MM/DD/. '
                ~ "Pass --args '{allow_empty: true}' to stage an empty landing zone on purpose.") }}
        {%- endif -%}
        {%- do log('stage_raw_sources: no objects yet for ' ~ (empty | join(', ')), info=true) -%}
    {%- endif -%}
    {%- do log('stage_raw_sources: staged ' ~ (staged | join(', ')) ~ ' in ' ~ connect_lake.raw_schema() ~ ' on ' ~ target.type, info=true) -%}
{% endmacro %}


{#- Create a source's raw relation; returns whether any of its objects has landed (DuckDB; none elsewhere). -#}
{% macro stage_raw_source(node, landing) %}
    {{ return(adapter.dispatch('stage_raw_source', 'connect_lake')(node, landing)) }}
{% endmacro %}


{% macro default__stage_raw_source(node, landing) %}
    {{ exceptions.raise_compiler_error('stage_raw_source: no implementation for ' ~ target.type) }}
{% endmacro %}


{#- Run DDL statements one after the other (Athena and Trino take one statement per request). -#}
{% macro run_ddl(statements) %}
    {%- for sql in statements -%}
        {%- call statement('raw_ddl_' ~ loop.index) -%}{{ sql }}{%- endcall -%}
    {%- endfor -%}
{% endmacro %}


{#- A text as a SQL string literal. -#}
{% macro sql_string(text) -%}
    '{{ text | replace("'", "''") }}'
{%- endmacro %}


{# ---------------------------------------------------------------------------------------------------- #}
{# DuckDB: a view listing the objects of each source under the local landing folder                     #}
{# ---------------------------------------------------------------------------------------------------- #}

{% macro duckdb__stage_raw_source(node, landing) %}
    {%- set schema = connect_lake.raw_schema() -%}
    {%- set root = connect_lake.duckdb_landing_prefix(landing) -%}
    {%- call statement('raw_schema') -%}create schema if not exists {{ schema }}{%- endcall -%}
    {%- call statement('raw_listing') -%}
    create or replace view {{ schema }}.{{ node.name }} as
    {{ connect_lake.duckdb_object_listing(landing, 'select file from glob(' ~ connect_lake.sql_string(root ~ '**') ~ ')') }}
    {%- endcall -%}
    {#- run-operation does not commit on its own -#}
    {%- do adapter.commit() -%}
    {#- whether anything landed, without listing the whole history (connect_lake_has_objects, the plugin) -#}
    {{ return(run_query('select connect_lake_has_objects(' ~ connect_lake.sql_string(root) ~ ')').columns[0].values()[0]) }}
{% endmacro %}


{#- The local folder of a source's objects, with a trailing slash; refused when it holds a character file
    patterns would read as a wildcard. -#}
{% macro duckdb_landing_prefix(landing) %}
    {%- set root = connect_lake.absolute_raw_path() ~ '/' ~ landing.prefix ~ '/' -%}
    {%- for special in ['*', '?', '[', ']', '{', '}'] if special in root -%}
        {{ exceptions.raise_compiler_error(
            'stage_raw_sources: the landing path ' ~ root ~ ' contains ' ~ special ~ ', which file patterns '
            ~ 'would read as a wildcard; move the landing zone to a path without * ? [ ] { }') }}
    {%- endfor -%}
    {{ return(root) }}
{% endmacro %}


{#- The objects a query lists (`files_sql` selects their paths as `file`), with where each belongs: its key
    below the source's prefix, its folder, its landing folder, and whether the key is where the source's
    objects land ('expected') or not ('unexpected'). The staged view lists everything this way; a base model
    lists, the same way, only the folders that changed since its last run. -#}
{% macro duckdb_object_listing(landing, files_sql) %}
    {%- set root = connect_lake.duckdb_landing_prefix(landing) -%}
    with listed as (
        select
            file as object_key,
            substr(file, {{ root | length + 1 }}) as relative_key,
            regexp_replace(file, '/[^/]*$', '') as object_dir
        from ({{ files_sql }}) as files
    )

    select
        object_key,
        relative_key,
        object_dir,
        nullif(regexp_extract(relative_key, {{ connect_lake.sql_string(landing.object_key_regex) }}, 1), '')
            as landing_folder,
        case
            when regexp_matches(relative_key, {{ connect_lake.sql_string(landing.object_key_regex) }}) then 'expected'
            else 'unexpected'
        end as object_state
    from listed
    where true
        {%- if landing.get('listing_regex') %}
        and regexp_matches(relative_key, {{ connect_lake.sql_string(landing.listing_regex) }})
        {%- endif %}
        {%- if landing.get('ignored_object_regex') %}
        and not regexp_matches(relative_key, {{ connect_lake.sql_string(landing.ignored_object_regex) }})
        {%- endif %}
{% endmacro %}


{% macro absolute_raw_path() %}
    {#- Views keep the path verbatim, so make it absolute: the warehouse can then be opened from anywhere. -#}
    {%- set raw = connect_lake.raw_path() -%}
    {%- if raw.startswith('/') -%}
        {{ return(raw.rstrip('/')) }}
    {%- endif -%}
    {{ return((env_var('PWD', '.') ~ '/' ~ raw).rstrip('/')) }}
{% endmacro %}


{# ---------------------------------------------------------------------------------------------------- #}
{# Athena: external tables over S3 with partition projection, and a view of each source's lines         #}
{# ---------------------------------------------------------------------------------------------------- #}

{% macro athena__stage_raw_source(node, landing) %}
    {%- do connect_lake.run_ddl(connect_lake.athena_raw_ddl(node, landing)) -%}
    {{ return(none) }}
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


{# ---------------------------------------------------------------------------------------------------- #}
{# Trino: the same tables in a Hive catalog, in Trino's DDL (Athena's is HiveQL, which Trino rejects)     #}
{# ---------------------------------------------------------------------------------------------------- #}

{% macro trino__stage_raw_source(node, landing) %}
    {%- do connect_lake.run_ddl(connect_lake.trino_raw_ddl(node, landing)) -%}
    {{ return(none) }}
{% endmacro %}


{#- The landing root as the engine addresses it: CONNECT_LAKE_RAW_S3_URI when set (a Trino reading S3), else
    the local landing folder as local:///<absolute path> (the local server reads the whole file system). -#}
{% macro trino_raw_root() %}
    {%- set uri = env_var('CONNECT_LAKE_RAW_S3_URI', '') -%}
    {{ return((uri or 'local://' ~ connect_lake.absolute_raw_path()).rstrip('/')) }}
{% endmacro %}


{#- Trino DDL of a source: an external text table with partition projection over the same folders and
    projection as the Athena table, and the view of its lines named as the source. -#}
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


{#- catalog.schema of the raw relations on Trino. -#}
{% macro raw_catalog_schema() %}
    {{ return(connect_lake.raw_catalog() ~ '.' ~ connect_lake.raw_schema()) }}
{% endmacro %}


{#-
    landing_object_checks: the table over what `connect-lake check-objects` wrote (one NDJSON object per check
    run under <landing root>/_connect_lake/object_checks/): every object it checked, and why the engine's
    reader could not read it (null when it can). Athena and Trino only: DuckDB inspects each object itself.
-#}
{% macro stage_object_checks() %}
    {{ return(adapter.dispatch('stage_object_checks', 'connect_lake')()) }}
{% endmacro %}

{% macro default__stage_object_checks() %}{% endmacro %}

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


{#- Print the Athena DDL stage_raw_sources would run, without running it (offline checks, reviews). -#}
{% macro print_athena_raw_ddl() %}
    {%- for node in graph.sources.values() if node.source_name == 'connect' and node.meta.get('landing') -%}
        {%- for sql in connect_lake.athena_raw_ddl(node, node.meta.landing) -%}
            {%- do print('-- ' ~ node.name ~ ' statement ' ~ loop.index ~ '\n' ~ sql ~ ';\n') -%}
        {%- endfor -%}
    {%- endfor -%}
    {%- do print('-- landing_object_checks\n' ~ connect_lake.athena_object_checks_ddl() ~ ';\n') -%}
{% endmacro %}
