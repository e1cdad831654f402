{#- The flow type (CONTACT_FLOW, CUSTOMER_QUEUE, AGENT_TRANSFER, QUEUE_TRANSFER, ...) of a flow, by its name.
    Flow logs carry the flow's name and ARN but not its type; var contact_flow_types maps names to types
    (Amazon Connect's default flows out of the box). A flow not listed is an inbound contact flow. -#}
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
