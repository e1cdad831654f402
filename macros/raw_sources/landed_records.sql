{% macro landed_records(source_name, relation) %}
    {#- parsing: the graph is not loaded yet, and only the model's ref() and source() calls matter -#}
    {%- if not execute -%}{{ return('select 1') }}{%- endif -%}
    {%- set node = connect_lake.raw_source_node(source_name) -%}
    {%- set landing = node.meta.landing -%}
    {%- set rules = node.meta.record -%}
    {%- set is_document = connect_lake.is_document_source(landing) -%}
    {%- set key_from_name = rules.get('key_from_object_name') %}
    with landed_units as (
        {%- if landing.get('record_array') %}
        {{ connect_lake.records_from_array(
            connect_lake.read_unread_objects(node, relation), landing.record_array, landing.get('record_array_skip', {})
        ) }}
        {%- else %}
        {{ connect_lake.read_unread_objects(node, relation) }}
        {%- endif %}
    ),

    parsed as (
        select
            landed_units.*,
            case
                when object_problem is null and is_valid_utf8 and substr(trim(line), 1, 1) = '{'
                    then {{ connect_lake.parse_json_record('line', node) }}
            end as payload
        from landed_units
    ),

    keyed as (
        select
            parsed.*,
            {%- if key_from_name %}
            coalesce(
                {{ connect_lake.record_key(source_name) }},
                {{ connect_lake.regex_extract('_source_file', key_from_name) }}
            ) as record_key
            {%- else %}
            {{ connect_lake.record_key(source_name) }} as record_key
            {%- endif %}
        from parsed
    ),

    checked as (
        select
            keyed.*,
            case
                when object_problem is not null then object_problem
                {%- if landing.get('record_array') %}
                when array_problem is not null then array_problem
                {%- endif %}
                {%- if is_document %}
                when trim(coalesce(line, '')) = '' then 'empty_object'
                {%- else %}
                when trim(coalesce(line, '')) = '' then null
                {%- endif %}
                when not is_valid_utf8 then 'invalid_utf8'
                when payload is null then 'invalid_json'
                else {{ connect_lake.record_quarantine_reason(source_name, key_override='record_key') }}
            end as quarantine_reason
        from keyed
    )

    select
        '{{ source_name }}' as _raw_source,
        _source_file,
        _datehour,
        _line_number,
        _object_size_bytes,
        {{ connect_lake.ingested_at() }} as _ingested_at,
        case
            when object_problem is not null then 'quarantined_object'
            when quarantine_reason is null and trim(coalesce(line, '')) = '' then 'blank_line'
            when quarantine_reason is not null then 'quarantined_line'
            else 'record'
        end as _row_kind,
        quarantine_reason,
        case when quarantine_reason is not null and object_problem is null then substr(line, 1, 500) end
            as line_excerpt,
        record_key,
        case when quarantine_reason is null then payload end as payload
    from checked
{%- endmacro %}


{#- the columns landed_records gives every row, as a base model's typed select keeps them first -#}
{% macro landed_columns() -%}
    _raw_source,
        _source_file,
        _datehour,
        _line_number,
        _object_size_bytes,
        _ingested_at,
        _row_kind,
        quarantine_reason,
        line_excerpt
{%- endmacro %}


{% macro ingested_at() -%}
    cast('{{ run_started_at.strftime("%Y-%m-%d %H:%M:%S.%f") }}' as {{ connect_lake.timestamp_type() }})
{%- endmacro %}


{% macro parse_json_record(column, node) %}
    {{ return(adapter.dispatch('parse_json_record', 'connect_lake')(column, node)) }}
{% endmacro %}

{% macro trino__parse_json_record(column, node) -%}
    {%- set fields = [] -%}
    {%- for c in connect_lake.raw_columns(node) -%}
        {%- do fields.append('"' ~ c.name ~ '" ' ~ ('json' if c.is_json_text else connect_lake.hive_to_trino_type(c.hive_type, true))) -%}
    {%- endfor -%}
    try(cast(json_parse({{ column }}) as row({{ fields | join(', ') }})))
{%- endmacro %}

{#- Athena engine v3 is Trino: the same body -#}
{% macro athena__parse_json_record(column, node) %}{{ return(connect_lake.trino__parse_json_record(column, node)) }}{% endmacro %}

{% macro duckdb__parse_json_record(column, node) -%}
    {%- set structure = {} -%}
    {%- for c in connect_lake.raw_columns(node) -%}
        {%- do structure.update({c.json_key: 'JSON' if c.is_json_text else connect_lake.hive_to_duckdb_type(c.hive_type, true)}) -%}
    {%- endfor -%}
    case when json_valid({{ column }}) then from_json({{ column }}, '{{ structure | tojson | replace("'", "''") }}') end
{%- endmacro %}

{% macro default__parse_json_record(column, node) %}
    {{ exceptions.raise_compiler_error('parse_json_record: no implementation for ' ~ target.type) }}
{% endmacro %}


{% macro read_unread_objects(node, relation) %}
    {{ return(adapter.dispatch('read_unread_objects', 'connect_lake')(node, relation)) }}
{% endmacro %}

{% macro default__read_unread_objects(node, relation) %}
    {{ exceptions.raise_compiler_error('read_unread_objects: no implementation for ' ~ target.type) }}
{% endmacro %}


{% macro is_document_source(landing) %}
    {{ return(landing.get('object_format', 'lines') == 'document') }}
{% endmacro %}


{% macro documents_from_lines(lines_sql) %}
        select
            _source_file,
            max(_datehour) as _datehour,
            cast(min(_line_number) as bigint) as _line_number,
            max(_object_size_bytes) as _object_size_bytes,
            {{ dbt.listagg("coalesce(line, '')", 'chr(10)', 'order by _line_number') }} as line,
            {{ dbt.bool_or('not is_valid_utf8') }} = false as is_valid_utf8,
            max(object_problem) as object_problem
        from ({{ lines_sql }}) as document_lines
        group by _source_file
{% endmacro %}


{#- A source whose lines are JSON documents with the records in an array (CloudTrail's {"Records": [...]}, a
    CloudWatch Logs subscription envelope's logEvents): one unit per element, so the record rules, the
    quarantine and the accounting see records, not documents. Element e of line L is numbered L * 100000 + e
    (on Trino and Athena, whose text readers give no line numbers, it has none, as the lines have none); a line
    that gives no elements keeps its own number L. A line that is JSON without the array is quarantined as
    missing_field:<array>; one that is not JSON stays whole, for invalid_json; an empty array, and a document
    the source declares not data (meta.landing.record_array_skip: {field: value}, a CONTROL_MESSAGE), is a blank
    unit, counted and never staged. -#}
{% macro records_from_array(units_sql, array_field, skip={}) %}
        with documents as (
            select
                units.*,
                {%- if skip %}
                {%- set tests = [] %}
                {%- for field, value in skip.items() %}
                {%- do tests.append(connect_lake.json_str('units.line', '$.' ~ field) ~ " = '" ~ value ~ "'") %}
                {%- endfor %}
                coalesce(
                    case
                        when units.object_problem is null and units.is_valid_utf8
                            and {{ connect_lake.json_is_valid('units.line') }}
                            then {{ tests | join(' or ') }}
                    end,
                    false
                ) as is_not_data,
                {%- else %}
                false as is_not_data,
                {%- endif %}
                case
                    when units.object_problem is null and units.is_valid_utf8
                        then {{ connect_lake.json_array_elements('units.line', array_field) }}
                end as elements
            from ({{ units_sql }}) as units
        )

        select
            documents._source_file,
            documents._datehour,
            cast(documents._line_number * 100000 + array_elements.element_position as bigint) as _line_number,
            documents._object_size_bytes,
            {{ connect_lake.json_to_text('array_elements.element') }} as line,
            documents.is_valid_utf8,
            documents.object_problem,
            cast(null as varchar) as array_problem
        from documents
        {{ connect_lake.unnest_rows('documents.elements', 'array_elements', ['element'], 'element_position') }}
        where not documents.is_not_data
        union all
        select
            _source_file,
            _datehour,
            _line_number,
            _object_size_bytes,
            case when elements is null and not is_not_data then line else '' end as line,
            is_valid_utf8,
            object_problem,
            case
                when elements is null and not is_not_data and object_problem is null and is_valid_utf8
                    and {{ connect_lake.json_is_valid('line') }}
                    then 'missing_field:{{ array_field }}'
            end as array_problem
        from documents
        where elements is null or {{ connect_lake.array_length('elements') }} = 0 or is_not_data
{% endmacro %}


{% macro require_staged(relation) %}
    {%- if execute and not var('offline_compile', false) -%}
        {%- set found = adapter.get_relation(database=relation.database, schema=relation.schema, identifier=relation.identifier) -%}
        {%- if found is none -%}
            {{ exceptions.raise_compiler_error(
                'connect_lake: the raw relation ' ~ relation ~ ' does not exist. Stage the landing zone first: '
                ~ 'dbt run-operation stage_raw_sources (make stage)') }}
        {%- endif -%}
    {%- endif -%}
{% endmacro %}


{% macro require_staged_sources() %}
    {#- on-run-start: a run that reads the landing zone before it is staged stops here, with one line, instead of
        failing every base model and skipping what they feed -#}
    {%- if execute and not var('offline_compile', false) -%}
        {%- set checked = [] -%}
        {%- for unique_id in selected_resources if unique_id in graph.nodes -%}
            {%- for parent in graph.nodes[unique_id].depends_on.nodes
                if parent in graph.sources and parent not in checked -%}
                {%- do checked.append(parent) -%}
                {%- do connect_lake.require_staged(source(graph.sources[parent].source_name, graph.sources[parent].name)) -%}
            {%- endfor -%}
        {%- endfor -%}
    {%- endif -%}
{% endmacro %}


{% macro landing_root_uri() %}
    {{ return(adapter.dispatch('landing_root_uri', 'connect_lake')()) }}
{% endmacro %}

{% macro trino__landing_root_uri() %}{{ return(connect_lake.trino_raw_root()) }}{% endmacro %}

{% macro athena__landing_root_uri() %}{{ return(connect_lake.raw_s3_uri().rstrip('/')) }}{% endmacro %}

{% macro default__landing_root_uri() %}{{ return(connect_lake.absolute_raw_path()) }}{% endmacro %}
