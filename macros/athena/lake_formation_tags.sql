{% macro lf_tags_config_from_meta(node) %}
    {%- set tags_columns = {} -%}
    {%- for column in node.columns.values() -%}
        {%- for key, value in (column.meta.get('lf_tags') or {}).items() -%}
            {%- do tags_columns.setdefault(key, {}).setdefault(value, []).append(column.name) -%}
        {%- endfor -%}
    {%- endfor -%}
    {%- if not tags_columns -%}
        {{ return(none) }}
    {%- endif -%}
    {{ return({'enabled': true, 'tags_columns': tags_columns, 'inherited_tags': var('lf_inherited_tags', [])}) }}
{% endmacro %}


{% macro apply_lf_tags_from_meta() %}
    {%- if execute and target.type == 'athena' -%}
        {%- set lf_tags_config = connect_lake.lf_tags_config_from_meta(model) -%}
        {%- if lf_tags_config is not none -%}
            {%- do adapter.add_lf_tags(this, lf_tags_config) -%}
        {%- endif -%}
    {%- endif -%}
    {#- a hook must render to a statement; this one is empty on purpose -#}
{% endmacro %}
