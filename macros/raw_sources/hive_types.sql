{#-
    The shape of one raw record, from the Hive DDL types the sources YAML declares, in each engine's terms.

    Scalars that are numbers or booleans outside arrays are parsed as text ("numbers as text"): the record
    rules check them and the base models type them, so a value that does not fit its type ("n/a", 1.6, 4e9 in
    an int) is quarantined by name instead of becoming null, a rounded number or a failed record. Inside
    arrays the declared type is kept.
-#}

{% macro raw_columns(node) %}
    {%- set columns = [] -%}
    {%- for column in node.columns.values() if not column.name.startswith('_') -%}
        {%- do columns.append({
            'json_key': column.name,
            'name': column.name | lower,
            'hive_type': column.data_type,
            'is_json_text': column.meta.get('json_text', false),
        }) -%}
    {%- endfor -%}
    {{ return(columns) }}
{% endmacro %}


{% macro raw_source_node(source_name) %}
    {%- for node in graph.sources.values() if node.source_name == 'connect' and node.name == source_name -%}
        {{ return(node) }}
    {%- endfor -%}
    {{ exceptions.raise_compiler_error('connect_lake: no raw source named ' ~ source_name ~ ' in _connect__sources.yml') }}
{% endmacro %}


{% macro split_top_level(text) %}
    {%- set ns = namespace(depth=0, current='', parts=[]) -%}
    {%- for ch in text -%}
        {%- if ch == '<' -%}
            {%- set ns.depth = ns.depth + 1 -%}
        {%- elif ch == '>' -%}
            {%- set ns.depth = ns.depth - 1 -%}
        {%- endif -%}
        {%- if ch == ',' and ns.depth == 0 -%}
            {%- do ns.parts.append(ns.current) -%}
            {%- set ns.current = '' -%}
        {%- else -%}
            {%- set ns.current = ns.current ~ ch -%}
        {%- endif -%}
    {%- endfor -%}
    {%- do ns.parts.append(ns.current) -%}
    {{ return(ns.parts) }}
{% endmacro %}


{% macro parse_hive_type(hive_type) %}
    {%- set t = hive_type | trim -%}
    {%- set lower = t | lower -%}
    {%- if lower.startswith('struct<') -%}
        {%- set fields = [] -%}
        {%- for field in connect_lake.split_top_level(t[7:-1]) -%}
            {%- do fields.append([field.split(':', 1)[0] | trim, field.split(':', 1)[1]]) -%}
        {%- endfor -%}
        {{ return({'kind': 'struct', 'fields': fields}) }}
    {%- elif lower.startswith('array<') -%}
        {{ return({'kind': 'array', 'element': t[6:-1]}) }}
    {%- elif lower.startswith('map<') -%}
        {%- set parts = connect_lake.split_top_level(t[4:-1]) -%}
        {{ return({'kind': 'map', 'key': parts[0], 'value': parts[1]}) }}
    {%- endif -%}
    {%- if lower not in ('string', 'int', 'integer', 'bigint', 'double', 'float', 'boolean', 'smallint') -%}
        {{ exceptions.raise_compiler_error('connect_lake: unsupported raw type ' ~ hive_type) }}
    {%- endif -%}
    {{ return({'kind': 'scalar', 'name': lower}) }}
{% endmacro %}


{% macro hive_to_duckdb_type(hive_type, numbers_as_text=false) %}
    {%- set parsed = connect_lake.parse_hive_type(hive_type) -%}
    {%- if parsed.kind == 'struct' -%}
        {%- set fields = [] -%}
        {%- for name, field_type in parsed.fields -%}
            {%- do fields.append('"' ~ name ~ '" ' ~ connect_lake.hive_to_duckdb_type(field_type, numbers_as_text)) -%}
        {%- endfor -%}
        {{ return('STRUCT(' ~ (fields | join(', ')) ~ ')') }}
    {%- elif parsed.kind == 'array' -%}
        {{ return(connect_lake.hive_to_duckdb_type(parsed.element, false) ~ '[]') }}
    {%- elif parsed.kind == 'map' -%}
        {{ return('MAP(' ~ connect_lake.hive_to_duckdb_type(parsed.key, false) ~ ', '
            ~ connect_lake.hive_to_duckdb_type(parsed.value, false) ~ ')') }}
    {%- endif -%}
    {%- if numbers_as_text and parsed.name != 'string' -%}
        {{ return('VARCHAR') }}
    {%- endif -%}
    {%- set scalars = {'string': 'VARCHAR', 'int': 'INTEGER', 'integer': 'INTEGER', 'bigint': 'BIGINT',
                       'double': 'DOUBLE', 'float': 'REAL', 'boolean': 'BOOLEAN', 'smallint': 'SMALLINT'} -%}
    {{ return(scalars[parsed.name]) }}
{% endmacro %}


{% macro hive_to_trino_type(hive_type, numbers_as_text=false) %}
    {%- set parsed = connect_lake.parse_hive_type(hive_type) -%}
    {%- if parsed.kind == 'struct' -%}
        {%- set fields = [] -%}
        {%- for name, field_type in parsed.fields -%}
            {%- do fields.append('"' ~ (name | lower) ~ '" ' ~ connect_lake.hive_to_trino_type(field_type, numbers_as_text)) -%}
        {%- endfor -%}
        {{ return('row(' ~ (fields | join(', ')) ~ ')') }}
    {%- elif parsed.kind == 'array' -%}
        {{ return('array(' ~ connect_lake.hive_to_trino_type(parsed.element, false) ~ ')') }}
    {%- elif parsed.kind == 'map' -%}
        {{ return('map(' ~ connect_lake.hive_to_trino_type(parsed.key, false) ~ ', '
            ~ connect_lake.hive_to_trino_type(parsed.value, false) ~ ')') }}
    {%- endif -%}
    {%- if numbers_as_text and parsed.name != 'string' -%}
        {{ return('varchar') }}
    {%- endif -%}
    {%- set scalars = {'string': 'varchar', 'int': 'integer', 'integer': 'integer', 'bigint': 'bigint',
                       'double': 'double', 'float': 'real', 'boolean': 'boolean', 'smallint': 'smallint'} -%}
    {{ return(scalars[parsed.name]) }}
{% endmacro %}


{% macro field_hive_type(node, path) %}
    {%- set parts = path.split('.') -%}
    {%- set ns = namespace(type=none) -%}
    {%- for column in connect_lake.raw_columns(node) if column.json_key | lower == parts[0] | lower -%}
        {%- set ns.type = column.hive_type -%}
    {%- endfor -%}
    {%- for part in parts[1:] -%}
        {%- set parsed = connect_lake.parse_hive_type(ns.type) if ns.type else {'kind': 'none'} -%}
        {%- set found = namespace(type=none) -%}
        {%- if parsed.kind == 'struct' -%}
            {%- for name, field_type in parsed.fields if name | lower == part | lower -%}
                {%- set found.type = field_type -%}
            {%- endfor -%}
        {%- endif -%}
        {%- set ns.type = found.type -%}
    {%- endfor -%}
    {%- if ns.type is none -%}
        {{ exceptions.raise_compiler_error('connect_lake: ' ~ node.name ~ ' declares no field ' ~ path) }}
    {%- endif -%}
    {{ return(ns.type | trim | lower) }}
{% endmacro %}
