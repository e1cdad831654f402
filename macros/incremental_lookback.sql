{#- Where an incremental run starts re-reading: the newest landing folder already in {{ this }}, minus the
    var incremental_lookback_days (re-deliveries and late objects arrive days later). Returns a string in the
    folder's own format (Firehose hours 'YYYY/MM/DD/HH'; Contact Lens days: folder_format='%Y/%m/%d'),
    comparable with the column; before the first build, the beginning of time. -#}
{% macro incremental_lookback_start(column='_datehour', folder_format='%Y/%m/%d/%H') %}
    {%- if not execute -%}
        {{ return(connect_lake.first_landing_folder(folder_format)) }}
    {%- endif -%}
    {%- set newest = run_query('select max(' ~ column ~ ') from ' ~ this).columns[0].values()[0] -%}
    {%- if newest is none -%}
        {{ return(connect_lake.first_landing_folder(folder_format)) }}
    {%- endif -%}
    {%- set newest_at = modules.datetime.datetime.strptime(newest, folder_format) -%}
    {%- set start_at = newest_at - modules.datetime.timedelta(days=var('incremental_lookback_days')) -%}
    {{ return(start_at.strftime(folder_format)) }}
{% endmacro %}


{#- The first landing folder a model reads: the lookback window's start on an incremental run, the beginning
    of time (every folder) on a full build. For filters written without an if-block:
    `_datehour >= '{{ connect_lake.landed_folders_from(...) }}'`. -#}
{% macro landed_folders_from(folder_format='%Y/%m/%d/%H') %}
    {%- if connect_lake.is_incremental() -%}
        {{ return(connect_lake.incremental_lookback_start(folder_format=folder_format)) }}
    {%- endif -%}
    {{ return(connect_lake.first_landing_folder(folder_format)) }}
{% endmacro %}


{#- A folder name before every real one, in the folder's format: the beginning of time. -#}
{% macro first_landing_folder(folder_format) %}
    {{ return('0000/00/00/00' if '%H' in folder_format else '0000/00/00') }}
{% endmacro %}
