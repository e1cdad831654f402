{% macro landing_models() %}
    {{ return([
        {'base': 'base_connect__contact_records', 'staging': 'stg_connect__contact_records', 'key': 'contact_id', 'record_key': 'contact_id'},
        {'base': 'base_connect__agent_events', 'staging': 'stg_connect__agent_events', 'key': 'event_id', 'record_key': 'event_id'},
        {'base': 'base_connect__contact_flow_logs', 'staging': 'stg_connect__contact_flow_logs', 'key': 'flow_log_entry_id', 'record_key': 'contact_id'},
        {'base': 'base_connect__customer_profiles', 'staging': 'stg_connect__customer_profile_events', 'key': 'event_id', 'record_key': 'event_id'},
        {'base': 'base_connect__contact_lens_analyses', 'staging': 'stg_connect__contact_analyses', 'key': 'contact_id', 'record_key': 'contact_id'},
    ]) }}
{% endmacro %}
