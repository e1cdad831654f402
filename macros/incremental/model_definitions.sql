{#-
    Change-safe incremental models. An incremental table holds rows appended by many runs; after a change to
    what makes those rows (the model's SQL, a macro it calls, a var it reads, its contract, or what one of its
    inputs holds) an incremental run would add new rows beside old ones built the old way, and a new column
    would stay NULL on every old row. So every relation dbt builds records, in <schema>_meta.model_definitions,
    the fingerprint of the definition its contents were built from, and an incremental model whose definition
    now differs from its table's record is rebuilt in full by the next run that builds it, exactly as
    `--full-refresh` would (should_full_refresh). What a table was built from, not what the files say now, is
    what its children are compared with: a child built while its edited parent has not been rebuilt yet stays
    incremental, and is rebuilt in full once the parent has been.

    A definition fingerprint (built_definition) is the md5 of the node's own definition (own_definition) and
    of what each of its inputs holds (content_fingerprint):
      - a table, an incremental table or a seed holds what its record says it was built from (or, never
        recorded, its definition now);
      - a view holds its own definition as recorded when it was created, over what its inputs hold now (a view
        reads its inputs live);
      - a source holds its declaration (columns, types, landing and record rules: the base models' SQL is
        generated from it).
-#}

{% macro should_full_refresh() %}
    {#- dbt's rule first (the --full-refresh flag, a model's full_refresh config), then a changed definition -#}
    {%- set configured = config.get('full_refresh') -%}
    {%- set flag = flags.FULL_REFRESH if configured is none else configured -%}
    {%- if flag or not execute or var('offline_compile', false) -%}
        {{ return(flag) }}
    {%- endif -%}
    {%- if model.get('resource_type') != 'model' or model.get('config', {}).get('materialized') != 'incremental' -%}
        {{ return(flag) }}
    {%- endif -%}
    {{ return(connect_lake.definition_changed(protected=(configured is not none and not configured))) }}
{% endmacro %}


{% macro definition_changed(protected) %}
    {%- set state = connect_lake.definition_state() -%}
    {#- decided once per model and invocation, so the compiled SQL and the materialization agree -#}
    {%- if model.unique_id in state.decided -%}
        {{ return(state.decided[model.unique_id]) }}
    {%- endif -%}
    {%- set changed = false -%}
    {%- if adapter.get_relation(database=this.database, schema=this.schema, identifier=this.identifier) is not none -%}
        {%- set node = graph.nodes[model.unique_id] -%}
        {%- set recorded = connect_lake.recorded_definitions().get(connect_lake.definition_key(node)) -%}
        {%- set changed = recorded != connect_lake.built_definition(node) -%}
    {%- endif -%}
    {%- if changed and protected -%}
        {{ exceptions.raise_compiler_error(
            'connect_lake: ' ~ model.name ~ ' has changed since its table was built, and full_refresh: false '
            ~ 'protects it from a rebuild: lift the protection and run dbt build --full-refresh -s '
            ~ model.name ~ '+, or revert the change') }}
    {%- endif -%}
    {%- if changed -%}
        {{ log('connect_lake: ' ~ model.name ~ ' has changed since its table was built (its SQL, a macro or var '
            ~ 'it uses, its contract, or an input): rebuilding it in full', info=true) }}
    {%- endif -%}
    {%- do state.decided.update({model.unique_id: changed}) -%}
    {{ return(changed) }}
{% endmacro %}


{% macro record_model_definition() %}
    {#- a post-hook of every model and seed: the definition this relation now holds, when it differs from the
        record (so an unchanged project writes nothing) -#}
    {%- if not execute or var('offline_compile', false) or model.get('resource_type') not in ('model', 'seed') -%}
        {{ return('') }}
    {%- endif -%}
    {%- set node = graph.nodes[model.unique_id] -%}
    {%- if node.config.materialized == 'ephemeral' -%}
        {{ return('') }}
    {%- endif -%}
    {%- set key = connect_lake.definition_key(node) -%}
    {%- set fingerprint = connect_lake.own_definition(node) if node.config.materialized == 'view'
        else connect_lake.built_definition(node) -%}
    {%- set recorded = connect_lake.recorded_definitions() -%}
    {%- if recorded.get(key) == fingerprint -%}
        {{ return('') }}
    {%- endif -%}
    {%- do recorded.update({key: fingerprint}) -%}
    insert into {{ connect_lake.model_definitions_relation() }} (relation_name, definition_fingerprint, recorded_at)
    values ('{{ key }}', '{{ fingerprint }}', cast('{{ run_started_at.strftime("%Y-%m-%d %H:%M:%S.%f") }}' as {{ connect_lake.timestamp_type() }}))
{% endmacro %}


{% macro built_definition(node) %}
    {%- set parts = [connect_lake.own_definition(node)] -%}
    {%- for parent in node.depends_on.nodes | sort -%}
        {%- do parts.append(parent ~ '=' ~ connect_lake.content_fingerprint(parent)) -%}
    {%- endfor -%}
    {{ return(local_md5(parts | join('\n'))) }}
{% endmacro %}


{% macro content_fingerprint(unique_id) %}
    {%- set node = graph.nodes.get(unique_id) or graph.sources.get(unique_id) -%}
    {%- if node is none -%}
        {{ return(unique_id) }}
    {%- endif -%}
    {%- if node.resource_type == 'source' -%}
        {{ return(connect_lake.own_definition(node)) }}
    {%- endif -%}
    {%- set materialized = node.config.materialized -%}
    {%- set recorded = connect_lake.recorded_definitions().get(connect_lake.definition_key(node)) -%}
    {%- if materialized in ('view', 'ephemeral') -%}
        {%- set parts = ['view', recorded if recorded and materialized == 'view' else connect_lake.own_definition(node)] -%}
        {%- for parent in node.depends_on.nodes | sort -%}
            {%- do parts.append(parent ~ '=' ~ connect_lake.content_fingerprint(parent)) -%}
        {%- endfor -%}
        {{ return(local_md5(parts | join('\n'))) }}
    {%- endif -%}
    {{ return(recorded or connect_lake.built_definition(node)) }}
{% endmacro %}


{% macro own_definition(node) %}
    {%- set state = connect_lake.definition_state() -%}
    {%- if node.unique_id in state.own -%}
        {{ return(state.own[node.unique_id]) }}
    {%- endif -%}
    {%- set parts = [node.resource_type] -%}
    {%- if node.resource_type == 'source' -%}
        {%- do parts.append(tojson(node.meta, sort_keys=true)) -%}
        {%- for column in node.columns.values() -%}
            {%- do parts.append(column.name ~ ' ' ~ column.data_type ~ ' ' ~ tojson(column.meta, sort_keys=true)) -%}
        {%- endfor -%}
    {%- elif node.resource_type == 'seed' -%}
        {%- do parts.append(node.checksum.checksum) -%}
        {%- do parts.append(tojson(node.config.get('column_types', {}), sort_keys=true)) -%}
    {%- else -%}
        {%- set texts = [node.raw_code] -%}
        {%- for text in connect_lake.macro_texts(node.depends_on.macros, []) -%}
            {%- do texts.append(text) -%}
        {%- endfor -%}
        {%- do parts.extend(texts) -%}
        {%- set config = {} -%}
        {%- for key, value in node.config.items() if key not in connect_lake.descriptive_configs() -%}
            {%- do config.update({key: value}) -%}
        {%- endfor -%}
        {%- do parts.append(tojson(config, sort_keys=true)) -%}
        {%- if node.config.get('contract', {}).get('enforced') -%}
            {%- for column in node.columns.values() -%}
                {%- do parts.append(column.name ~ ' ' ~ column.get('data_type')) -%}
            {%- endfor -%}
        {%- endif -%}
        {#- the vars it reads, by name, less those that change how a run works but not what a table holds -#}
        {%- set names = modules.re.findall("var\\(\\s*['\"]([A-Za-z0-9_]+)['\"]", texts | join('\n')) | unique | sort -%}
        {%- for name in names if name not in var('operational_vars', []) -%}
            {%- do parts.append('var ' ~ name ~ '=' ~ tojson(var(name, none), sort_keys=true)) -%}
        {%- endfor -%}
    {%- endif -%}
    {%- set fingerprint = local_md5(parts | join('\n')) -%}
    {%- do state.own.update({node.unique_id: fingerprint}) -%}
    {{ return(fingerprint) }}
{% endmacro %}


{% macro macro_texts(unique_ids, seen) %}
    {#- the text of every macro of this project a node calls, directly or through other macros; dbt's own and
        the adapters' macros change only with their pinned versions -#}
    {%- set texts = [] -%}
    {%- for unique_id in unique_ids if unique_id not in seen -%}
        {%- do seen.append(unique_id) -%}
        {%- set package, name = unique_id.split('.')[1:3] -%}
        {%- if package == project_name -%}
            {%- set found = context[project_name][name] -%}
            {%- do texts.append(found.macro.macro_sql) -%}
            {%- do texts.extend(connect_lake.macro_texts(found.macro.depends_on.macros, seen)) -%}
        {%- endif -%}
    {%- endfor -%}
    {{ return(texts) }}
{% endmacro %}


{% macro descriptive_configs() %}
    {#- configs that describe a relation or govern access, not what it holds -#}
    {{ return(['meta', 'tags', 'docs', 'persist_docs', 'grants', 'group', 'access', 'full_refresh',
               'on_schema_change', 'on_configuration_change', 'lf_tags_config', 'lf_grants', 'static_analysis',
               'packages', 'concurrent_batches', 'event_time']) }}
{% endmacro %}


{% macro definition_key(node) %}
    {#- schema and name, not the database: a DuckDB warehouse's database is its file name -#}
    {{ return((node.schema ~ '.' ~ (node.alias or node.name)) | lower) }}
{% endmacro %}


{% macro definition_state() %}
    {#- per dbt invocation, shared by every node (dbt's graph is one object per invocation): the records, read
        once; each node's own definition, computed once; each incremental model's decision, taken once -#}
    {%- if '_connect_lake_definitions' not in graph -%}
        {%- do graph.update({'_connect_lake_definitions': {'recorded': {}, 'loaded': [], 'own': {}, 'decided': {}}}) -%}
    {%- endif -%}
    {{ return(graph['_connect_lake_definitions']) }}
{% endmacro %}


{% macro recorded_definitions() %}
    {%- set state = connect_lake.definition_state() -%}
    {%- if not state.loaded -%}
        {%- set relation = connect_lake.model_definitions_relation() -%}
        {%- if adapter.get_relation(database=relation.database, schema=relation.schema, identifier=relation.identifier) is not none -%}
            {%- set newest -%}
                select relation_name, definition_fingerprint
                from (
                    select
                        relation_name,
                        definition_fingerprint,
                        row_number() over (partition by relation_name order by recorded_at desc) as recency
                    from {{ relation }}
                ) as records
                where recency = 1
            {%- endset -%}
            {%- for row in run_query(newest) -%}
                {%- if row[0] not in state.recorded -%}
                    {%- do state.recorded.update({row[0]: row[1]}) -%}
                {%- endif -%}
            {%- endfor -%}
        {%- endif -%}
        {%- do state.loaded.append(true) -%}
    {%- endif -%}
    {{ return(state.recorded) }}
{% endmacro %}


{% macro model_definitions_relation() %}
    {{ return(api.Relation.create(database=target.database, schema=target.schema ~ '_meta', identifier='model_definitions', type='table')) }}
{% endmacro %}


{% macro create_model_definitions_table() %}
    {#- on-run-start: the record table, created once (before any model runs, so no two threads race to it) -#}
    {%- if execute and not var('offline_compile', false) -%}
        {%- set relation = connect_lake.model_definitions_relation() -%}
        {%- if adapter.get_relation(database=relation.database, schema=relation.schema, identifier=relation.identifier) is none -%}
            {%- do adapter.create_schema(relation) -%}
            {%- do run_query(connect_lake.model_definitions_ddl(relation)) -%}
        {%- endif -%}
    {%- endif -%}
{% endmacro %}

{% macro model_definitions_ddl(relation) %}
    {{ return(adapter.dispatch('model_definitions_ddl', 'connect_lake')(relation)) }}
{% endmacro %}

{% macro trino__model_definitions_ddl(relation) -%}
    create table if not exists {{ relation }} (
        relation_name varchar,
        definition_fingerprint varchar,
        recorded_at {{ connect_lake.timestamp_type() }}
    )
{%- endmacro %}

{#- Athena's DDL is HiveQL: an Iceberg table needs its location and table type -#}
{% macro athena__model_definitions_ddl(relation) -%}
    create table if not exists `{{ relation.schema }}`.`{{ relation.identifier }}` (
        relation_name string,
        definition_fingerprint string,
        recorded_at timestamp
    )
    location '{{ target.s3_data_dir.rstrip('/') }}/{{ relation.schema }}/{{ relation.identifier }}/'
    tblproperties ('table_type' = 'ICEBERG', 'format' = 'parquet')
{%- endmacro %}

{#- DuckDB reads the Trino body as it is -#}
{% macro duckdb__model_definitions_ddl(relation) %}{{ return(connect_lake.trino__model_definitions_ddl(relation)) }}{% endmacro %}

{% macro default__model_definitions_ddl(relation) %}
    {{ exceptions.raise_compiler_error('model_definitions_ddl: no implementation for ' ~ target.type) }}
{% endmacro %}


{% macro process_schema_changes(on_schema_change, source_relation, target_relation) %}
    {#- the last line of defence (a change no fingerprint saw, a table altered by hand): one line that says what
        differs and what to run, instead of dbt's paragraph -#}
    {%- if on_schema_change == 'fail' -%}
        {%- set changes = check_for_schema_changes(source_relation, target_relation) -%}
        {%- if changes['schema_changed'] -%}
            {{ exceptions.raise_compiler_error(
                'connect_lake: the columns of ' ~ model.name ~ ' no longer match its table (new: '
                ~ (changes['source_not_in_target'] | map(attribute='name') | join(', ') or 'none') ~ '; gone: '
                ~ (changes['target_not_in_source'] | map(attribute='name') | join(', ') or 'none') ~ '; retyped: '
                ~ (changes['new_target_types'] | map(attribute='column_name') | join(', ') or 'none')
                ~ '): rebuild it and what it feeds with dbt build --full-refresh -s ' ~ model.name ~ '+') }}
        {%- endif -%}
        {{ return(changes['source_columns']) }}
    {%- endif -%}
    {{ return(adapter.dispatch('process_schema_changes', 'dbt')(on_schema_change, source_relation, target_relation)) }}
{% endmacro %}
