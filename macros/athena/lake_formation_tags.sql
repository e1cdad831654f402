{#- Lake Formation tags on columns, declared next to the column: `meta: {lf_tags: {data_classification: pii}}`.
    A post-hook (dbt_project.yml) applies them on Athena after each build through dbt-athena's add_lf_tags;
    on DuckDB it does nothing. Tags are additive per column here, and the table keeps the tags the database
    gives it: dbt-athena removes tags it does not know, so list inherited ones in var lf_inherited_tags. -#}
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


{#- Every model's Lake Formation tag configuration as JSON (offline review and tests). -#}
{% macro print_lf_tags_configs() %}
    {%- set configs = {} -%}
    {%- for node in graph.nodes.values() if node.resource_type == 'model' -%}
        {%- set config = connect_lake.lf_tags_config_from_meta(node) -%}
        {%- if config is not none -%}
            {%- do configs.update({node.name: config}) -%}
        {%- endif -%}
    {%- endfor -%}
    {%- do print(tojson(configs)) -%}
{% endmacro %}
