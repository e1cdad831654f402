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
