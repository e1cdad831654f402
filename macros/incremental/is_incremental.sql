{% macro is_incremental() %}
    {%- if var('offline_compile', false) -%}
        {{ return(var('offline_incremental_state', none) is not none) }}
    {%- elif this is none -%}
        {{ return(false) }}
    {%- else -%}
        {{ return(dbt.is_incremental()) }}
    {%- endif -%}
{% endmacro %}
