{#- The contact states in which an agent is working a contact: Connect's "agent on contact time" counts
    connected, on hold and after-contact work; a paused task still holds its slot and its time is handle
    time (AgentPauseDuration), so it counts too. -#}
{% macro on_contact_states() -%}
    ('CONNECTED', 'CONNECTED_ONHOLD', 'ENDED', 'PAUSED')
{%- endmacro %}

{#- The contact states that put the agent in an error status (Connect's "Error status time"; missed
    voice contacts show as MISSED, never REJECTED). -#}
{% macro error_contact_states() -%}
    ('MISSED', 'REJECTED', 'ERROR')
{%- endmacro %}

{#- Seconds, with the milliseconds agent events carry, from one timestamp to another (exact: integer ms). -#}
{% macro duration_s(start_column, end_column) -%}
    {{ connect_lake.ms_to_s(connect_lake.epoch_ms(end_column) ~ ' - ' ~ connect_lake.epoch_ms(start_column)) }}
{%- endmacro %}

{#- The join condition that picks the dim_agents version in force at `at_column` for the fact's agent.
    The first version also covers the time before the agent was first seen, so no fact loses its agent. -#}
{% macro agent_version_as_of(dim_alias, agent_arn_column, at_column) -%}
    {{ dim_alias }}.agent_arn = {{ agent_arn_column }}
    and ({{ at_column }} >= {{ dim_alias }}.valid_from or {{ dim_alias }}.version_number = 1)
    and ({{ dim_alias }}.valid_to is null or {{ at_column }} < {{ dim_alias }}.valid_to)
{%- endmacro %}

{#- A timestamp as text that is the same on both engines (milliseconds since the epoch), for surrogate keys:
    casting a timestamp to varchar prints it differently on Trino and DuckDB. -#}
{% macro timestamp_key(column) -%}
    cast({{ connect_lake.epoch_ms(column) }} as varchar)
{%- endmacro %}
