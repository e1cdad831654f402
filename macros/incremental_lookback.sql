{#- Where an incremental run starts re-reading: the newest Firehose hour already in {{ this }}, minus the
    var incremental_lookback_days (re-deliveries and late objects arrive days later). Returns a
    'YYYY/MM/DD/HH' string comparable with _datehour; before the first build, the beginning of time. -#}
{% macro incremental_lookback_start(column='_datehour') %}
    {%- if not execute -%}
        {{ return('0000/00/00/00') }}
    {%- endif -%}
    {%- set newest = run_query('select max(' ~ column ~ ') from ' ~ this).columns[0].values()[0] -%}
    {%- if newest is none -%}
        {{ return('0000/00/00/00') }}
    {%- endif -%}
    {%- set newest_at = modules.datetime.datetime.strptime(newest, '%Y/%m/%d/%H') -%}
    {%- set start_at = newest_at - modules.datetime.timedelta(days=var('incremental_lookback_days')) -%}
    {{ return(start_at.strftime('%Y/%m/%d/%H')) }}
{% endmacro %}
