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


{% macro duckdb_landing_prefix(landing) %}
    {%- set root = connect_lake.absolute_raw_path() ~ '/' ~ landing.prefix ~ '/' -%}
    {%- for special in ['*', '?', '[', ']', '{', '}'] if special in root -%}
        {{ exceptions.raise_compiler_error(
            'stage_raw_sources: the landing path ' ~ root ~ ' contains ' ~ special ~ ', which file patterns '
            ~ 'would read as a wildcard; move the landing zone to a path without * ? [ ] { }') }}
    {%- endfor -%}
    {{ return(root) }}
{% endmacro %}


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
