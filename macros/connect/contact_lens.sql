{% macro transcript_item_fields() %}
    {{ return([
        'item_id', 'participant_id', 'participant_role', 'display_name', 'item_type', 'content_type', 'content',
        'begin_offset_ms', 'end_offset_ms', 'absolute_time', 'sentiment', 'loudness_scores', 'issues_detected',
    ]) }}
{% endmacro %}


{% macro characteristic(path, type='double') -%}
    cast({{ connect_lake.json_str('characteristics_json', path) }} as {{ type }})
{%- endmacro %}
