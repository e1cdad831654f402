{% macro contact_flow_type(flow_name_column) -%}
    {%- set types = var('contact_flow_types', {}) -%}
    {%- if types -%}
    case {{ flow_name_column }}
        {%- for name, flow_type in types.items() %}
        when '{{ name | replace("'", "''") }}' then '{{ flow_type }}'
        {%- endfor %}
        else 'CONTACT_FLOW'
    end
    {%- else -%}
    'CONTACT_FLOW'
    {%- endif -%}
{%- endmacro %}
