{#-
    The one incremental idiom of this project: every table built incrementally remembers, in its
    `_ingested_at` column, the ingestion time (run start) of the newest raw data it has taken in. A run takes
    the upstream rows ingested after that mark, so what a run does follows what landed since the last run, not
    where it landed or what time it carries: a late object in an old folder, a re-delivery days later and a
    future-dated object are all just "ingested after the mark". On the first run, and with --full-refresh,
    there is no mark and everything is taken.
-#}

{% macro ingestion_watermark() %}
    {%- if not execute or not is_incremental() -%}
        {{ return(none) }}
    {%- endif -%}
    {%- if (this | string).startswith('__dbt__cte__') -%}
        {{ return('(select max(_ingested_at) from ' ~ this ~ ')') }}
    {%- endif -%}
    {%- if var('offline_compile', false) -%}
        {{ return("cast('" ~ var('offline_incremental_state').watermark ~ "' as " ~ connect_lake.timestamp_type() ~ ")") }}
    {%- endif -%}
    {#- asked once per model rendering: on Athena every query costs a round trip -#}
    {%- if '_connect_lake_watermark' not in model -%}
        {%- set newest = run_query('select max(_ingested_at) from ' ~ this).columns[0].values()[0] -%}
        {%- if newest is none -%}
            {%- do model.update({'_connect_lake_watermark': none}) -%}
        {%- else -%}
            {%- set text = newest.strftime('%Y-%m-%d %H:%M:%S.%f') if newest is not string else newest -%}
            {%- do model.update({
                '_connect_lake_watermark': "cast('" ~ text ~ "' as " ~ connect_lake.timestamp_type() ~ ")"
            }) -%}
        {%- endif -%}
    {%- endif -%}
    {{ return(model['_connect_lake_watermark']) }}
{% endmacro %}


{% macro ingested_since_last_run(column='_ingested_at') -%}
    {%- set mark = connect_lake.ingestion_watermark() -%}
    {%- if mark is none -%}
        true
    {%- else -%}
        {{ column }} > {{ mark }}
    {%- endif -%}
{%- endmacro %}


{% macro ingested_before_last_run(column='_ingested_at') -%}
    {%- set mark = connect_lake.ingestion_watermark() -%}
    {%- if mark is none -%}
        false
    {%- else -%}
        {{ column }} <= {{ mark }}
    {%- endif -%}
{%- endmacro %}


{% macro delete_rows_to_rebuild(id_column, groups_sql, match_columns, from_column=none, from_value_column=none) -%}
    {%- if is_incremental() -%}
    delete from {{ this }}
    where {{ id_column }} in (
        select existing.{{ id_column }}
        from {{ this }} as existing
        inner join ({{ groups_sql }}) as rebuilt
            on
            {%- for column in match_columns %}
                existing.{{ column }} = rebuilt.{{ column }}{{ ' and' if not loop.last }}
            {%- endfor %}
            {%- if from_column %}
                and existing.{{ from_column }} >= rebuilt.{{ from_value_column }}
            {%- endif %}
    )
    {%- else -%}
    select 1
    {%- endif -%}
{%- endmacro %}


{% macro first_landing_folder(folder_format) %}
    {{ return('0000/00/00/00' if '%H' in folder_format else '0000/00/00') }}
{% endmacro %}


{% macro changed_keys(relation, key) -%}
    select distinct {{ key }}
    from {{ relation }}
    where {{ connect_lake.ingested_since_last_run() }}
{%- endmacro %}
