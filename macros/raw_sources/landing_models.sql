{% macro landing_models() %}
    {{ return([
        {'base': 'base_connect__contact_records', 'staging': 'stg_connect__contact_records', 'key': 'contact_id', 'record_key': 'contact_id'},
        {'base': 'base_connect__agent_events', 'staging': 'stg_connect__agent_events', 'key': 'event_id', 'record_key': 'event_id'},
        {'base': 'base_connect__contact_flow_logs', 'staging': 'stg_connect__contact_flow_logs', 'key': 'flow_log_entry_id', 'record_key': 'contact_id'},
        {'base': 'base_connect__customer_profiles', 'staging': 'stg_connect__customer_profile_events', 'key': 'event_id', 'record_key': 'event_id'},
        {'base': 'base_connect__cloudwatch_metrics', 'staging': 'stg_connect__instance_metrics', 'key': 'instance_metric_minute_id', 'record_key': 'metric_name'},
        {'base': 'base_connect__cloudtrail', 'staging': 'stg_connect__cloudtrail_events', 'key': 'event_id', 'record_key': 'event_id'},
        {'base': 'base_connect__lex_conversation_logs', 'staging': 'stg_connect__bot_turns', 'key': 'bot_turn_id', 'record_key': 'log_event_id'},
        {'base': 'base_connect__contact_lens_analyses', 'staging': 'stg_connect__contact_analyses', 'key': 'contact_id', 'record_key': 'contact_id'},
        {'base': 'base_connect__config_queues', 'staging': 'stg_connect__config_queues', 'key': 'queue_snapshot_key', 'record_key': 'queue_id'},
        {'base': 'base_connect__config_routing_profiles', 'staging': 'stg_connect__config_routing_profiles', 'key': 'routing_profile_snapshot_key', 'record_key': 'routing_profile_id'},
        {'base': 'base_connect__config_users', 'staging': 'stg_connect__config_users', 'key': 'user_snapshot_key', 'record_key': 'agent_id'},
        {'base': 'base_connect__config_user_hierarchy_structure', 'staging': 'stg_connect__config_user_hierarchy_structure', 'key': 'hierarchy_structure_snapshot_key', 'record_key': 'hierarchy_structure_snapshot_key'},
        {'base': 'base_connect__config_hours_of_operation', 'staging': 'stg_connect__config_hours_of_operation', 'key': 'hours_of_operation_snapshot_key', 'record_key': 'hours_of_operation_id'},
        {'base': 'base_connect__config_contact_flows', 'staging': 'stg_connect__config_contact_flows', 'key': 'contact_flow_snapshot_key', 'record_key': 'contact_flow_id'},
    ]) }}
{% endmacro %}
