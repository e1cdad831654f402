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


{% macro stage_raw_source(node, landing) %}
    {{ return(adapter.dispatch('stage_raw_source', 'connect_lake')(node, landing)) }}
{% endmacro %}


{% macro default__stage_raw_source(node, landing) %}
    {{ exceptions.raise_compiler_error('stage_raw_source: no implementation for ' ~ target.type) }}
{% endmacro %}


{% macro run_ddl(statements) %}
    {%- for sql in statements -%}
        {%- call statement('raw_ddl_' ~ loop.index) -%}{{ sql }}{%- endcall -%}
    {%- endfor -%}
{% endmacro %}


{% macro sql_string(text) -%}
    '{{ text | replace("'", "''") }}'
{%- endmacro %}


{% macro raw_catalog_schema() %}
    {{ return(connect_lake.raw_catalog() ~ '.' ~ connect_lake.raw_schema()) }}
{% endmacro %}


{% macro stage_object_checks() %}
    {{ return(adapter.dispatch('stage_object_checks', 'connect_lake')()) }}
{% endmacro %}

{% macro default__stage_object_checks() %}{% endmacro %}
