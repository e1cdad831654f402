{#-
    landed_records(source_name): every line (or document) of every landed object of a raw source that the
    calling base model has not read yet, parsed and checked, plus one row for each object that cannot be read.
    The calling model is an incremental table; the rows it has (_source_file) are the objects it has read, so
    a run reads only new objects, wherever they landed (late objects in old folders included), and reads each
    one once, ever.

    Columns:
      _raw_source         the raw source (table of the connect source) the row was read for
      _source_file        the object's key (absolute path on DuckDB, S3 URI on Athena)
      _datehour           its landing folder (Firehose hour YYYY/MM/DD/HH; Contact Lens day YYYY/MM/DD)
      _line_number        1-based line within the object (null on Athena, which does not expose it; null for an
                          object row)
      _object_size_bytes  the object's size as landed
      _ingested_at        when the run that read it started (the same for every row of a run)
      _row_kind           record | blank_line | quarantined_line | quarantined_object
      quarantine_reason   why a line or object is quarantined (null for records and blank lines)
      line_excerpt        the start of a quarantined line (null otherwise)
      record_key          the record's key as text
      payload             the record, parsed into the declared shape (null unless _row_kind = record)
-#}
{% macro landed_records(source_name, relation) %}
    {%- do connect_lake.load_after_previous_base_model() -%}
    {#- parsing: the graph is not loaded yet, and only the model's ref() and source() calls matter -#}
    {%- if not execute -%}{{ return('select 1') }}{%- endif -%}
    {%- set node = connect_lake.raw_source_node(source_name) -%}
    {%- set landing = node.meta.landing -%}
    {%- set rules = node.meta.record -%}
    {%- set is_document = connect_lake.is_document_source(landing) -%}
    {%- set key_from_name = rules.get('key_from_object_name') %}
    with landed_units as (
        {{ connect_lake.read_unread_objects(node, relation) }}
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


{#- DuckDB: the base models load one at a time, in landing_models() order, each after the one before it. A
    first load holds memory that grows with what it reads (1.1 GiB for 9 days of agent events at 33,000
    contacts a day), and one database's memory limit is shared by every model dbt runs at once: two base models
    side by side ran the 1M-contact first load out of memory, one alone fits (README, Measurements). Reading
    JSON already keeps both cores busy, so little is lost; dbt's other thread builds what a loaded base model
    feeds. Athena and Trino have no such shared limit: the base models stay independent there. -#}
{% macro load_after_previous_base_model() %}
    {%- if target.type == 'duckdb' -%}
        {%- set names = connect_lake.landing_models() | map(attribute='base') | list -%}
        {%- if model.name in names and names.index(model.name) > 0 -%}
            {%- do ref(names[names.index(model.name) - 1]) -%}
        {%- endif -%}
    {%- endif -%}
{% endmacro %}


{#- When the run that read a row started: one value per dbt invocation, the high-water mark every incremental
    model downstream compares against. -#}
{% macro ingested_at() -%}
    cast('{{ run_started_at.strftime("%Y-%m-%d %H:%M:%S.%f") }}' as {{ connect_lake.timestamp_type() }})
{%- endmacro %}


{#- The timestamp type tables store: microseconds, Iceberg's precision on Athena. -#}
{% macro timestamp_type() %}
    {{ return(adapter.dispatch('timestamp_type', 'connect_lake')()) }}
{% endmacro %}

{% macro trino__timestamp_type() %}{{ return('timestamp(6)') }}{% endmacro %}

{#- Athena engine v3 is Trino: the same body -#}
{% macro athena__timestamp_type() %}{{ return(connect_lake.trino__timestamp_type()) }}{% endmacro %}

{% macro duckdb__timestamp_type() %}{{ return('timestamp') }}{% endmacro %}

{% macro default__timestamp_type() %}
    {{ exceptions.raise_compiler_error('timestamp_type: no implementation for ' ~ target.type) }}
{% endmacro %}


{#- One line of JSON text parsed into the record shape the sources YAML declares (null for text that is not a
    JSON object of that shape). -#}
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


{#-
    read_unread_objects(node, relation): what the calling model has not read of a raw source, as
    _source_file, _datehour, _line_number, _object_size_bytes, line, is_valid_utf8, object_problem: one row per
    line of a line source (Firehose objects), one row per object of a document source (Contact Lens: a JSON
    document, pretty-printed or not, is one record), and one row with its problem and no line for an object
    that cannot be read.
-#}
{% macro read_unread_objects(node, relation) %}
    {{ return(adapter.dispatch('read_unread_objects', 'connect_lake')(node, relation)) }}
{% endmacro %}

{% macro default__read_unread_objects(node, relation) %}
    {{ exceptions.raise_compiler_error('read_unread_objects: no implementation for ' ~ target.type) }}
{% endmacro %}


{#- Whether a source lands one JSON document per object (Contact Lens) rather than one record per line. -#}
{% macro is_document_source(landing) %}
    {{ return(landing.get('object_format', 'lines') == 'document') }}
{% endmacro %}


{#- The lines of document objects (`lines_sql`, with read_unread_objects' columns) joined back into one row per
    object, in line order. -#}
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


{#- Fails with a clear message when stage_raw_sources has not created the source's relation. -#}
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


{#- DuckDB: list the source's objects in the folders that changed since this model's last run
    (connect_lake_list_objects, the dbt-duckdb plugin), keep those this model has not read, inspect each in
    Python (connect_lake_inspect_object), and read the readable ones with DuckDB's own readers: lines with the
    text reader, documents whole. The folder list is literal, so the readers open only those folders; an
    object that cannot be read is never opened by them. The listing and what it found unread stay in the raw
    schema (<source>__listed, <source>__unread), so an operator can see what the last run found. -#}
{% macro duckdb__read_unread_objects(node, relation) %}
    {%- set landing = node.meta.landing -%}
    {%- set is_document = connect_lake.is_document_source(landing) -%}
    {%- set listed = api.Relation.create(database=relation.database, schema=relation.schema, identifier=node.name ~ '__listed') -%}
    {%- set unread = api.Relation.create(database=relation.database, schema=relation.schema, identifier=node.name ~ '__unread') -%}
    {%- set reading = execute and flags.WHICH in ('run', 'build') -%}
    {#- usable: expected where it is and readable at all; DuckDB's readers take it whole unless needs_line_reader -#}
    {%- set usable = "object_state = 'expected' and inspection.problem is null" -%}
    {%- set readable = usable ~ " and not inspection.needs_line_reader" -%}
    {%- set ns = namespace(dirs=[], exclusions=[]) -%}
    {%- if reading -%}
        {%- do connect_lake.require_staged(relation) -%}
        {%- set prefix = connect_lake.duckdb_landing_prefix(landing) -%}
        {%- call statement('list_objects') -%}
            create or replace table {{ listed }} as
            {{ connect_lake.duckdb_object_listing(landing,
                'select unnest(connect_lake_list_objects(' ~ connect_lake.sql_string(prefix) ~ ', '
                ~ connect_lake.listing_changed_since() ~ ')) as file') }}
        {%- endcall -%}
        {%- call statement('list_unread_objects') -%}
            create or replace table {{ unread }} as
            select
                listed.*,
                case when listed.object_state = 'expected' then connect_lake_inspect_object(listed.object_key) end
                    as inspection
            from {{ listed }} as listed
            {%- if is_incremental() %}
            where not exists (select 1 from {{ this }} as already where already._source_file = listed.object_key)
            {%- endif %}
        {%- endcall -%}
        {%- set dirs = run_query('select distinct object_dir from ' ~ unread ~ ' where ' ~ readable ~ ' order by 1') -%}
        {%- set ns.dirs = dirs.columns[0].values() | list -%}
        {%- if ns.dirs and not is_document -%}
            {#- every other file in those folders (the listing holds all of a folder it lists): read before, out
                of place, or not readable by DuckDB's reader -#}
            {%- set others -%}
                select listed.object_key
                from {{ listed }} as listed
                inner join (select distinct object_dir from {{ unread }} where {{ readable }}) as dirs
                    on listed.object_dir = dirs.object_dir
                where listed.object_key not in (select object_key from {{ unread }} where {{ readable }})
                order by 1
            {%- endset -%}
            {%- set ns.exclusions = run_query(others).columns[0].values() | list -%}
        {%- endif -%}
    {%- else -%}
        {#- compile, docs: show the statement of a first run, without listing or inspecting anything -#}
        {%- set ns.dirs = [connect_lake.duckdb_landing_prefix(landing) ~ '**'] -%}
    {%- endif -%}
    {%- set patterns -%}
        [{%- for dir in ns.dirs %}'{{ (dir if not reading else dir ~ '/[!._]*') | replace("'", "''") }}'{{ ',' if not loop.last }}{% endfor -%}]
    {%- endset %}
    {%- if ns.dirs and is_document %}
        -- a document is read whole (the blob reader takes any bytes; only the objects this run reads are decoded)
        select
            blobs.filename as _source_file,
            unread.landing_folder as _datehour,
            cast(1 as bigint) as _line_number,
            unread.inspection.size_bytes as _object_size_bytes,
            decode(blobs.content) as line,
            true as is_valid_utf8,
            cast(null as varchar) as object_problem
        from read_blob({{ patterns }}) as blobs
        inner join (select * from {{ unread }} where {{ readable }}) as unread on blobs.filename = unread.object_key
    {%- elif ns.dirs %}
        select
            lines.filename as _source_file,
            unread.landing_folder as _datehour,
            lines._line_number,
            unread.inspection.size_bytes as _object_size_bytes,
            lines.line,
            true as is_valid_utf8,
            cast(null as varchar) as object_problem
        from (
            {#- A plain scan streams rows in file order (one file after another, lines in order), so a line's
                number is its position in the scan less that of its file's first line. Every window here is
                over (), which DuckDB computes while streaming: no file's lines are held in memory. -#}
            select
                filename,
                line,
                cast(scan_position - file_start + 1 as bigint) as _line_number
            from (
                select
                    *,
                    max(case when is_first_line then scan_position end)
                        over (rows between unbounded preceding and current row) as file_start
                from (
                    select
                        *,
                        coalesce(file_index <> lag(file_index) over (), true) as is_first_line
                    from (
                        select filename, file_index, line, row_number() over () as scan_position
                        from read_csv(
                            {{ patterns }},
                            columns = {'line': 'VARCHAR'},
                            delim = chr(1),
                            quote = '',
                            escape = '',
                            header = false,
                            auto_detect = false,
                            compression = 'auto',
                            strict_mode = false,
                            max_line_size = 16777216,
                            buffer_size = 33554432,
                            filename = true
                        )
                        {%- if ns.exclusions %}
                        where filename not in (
                            {%- for key in ns.exclusions %}
                            '{{ key | replace("'", "''") }}'{{ ',' if not loop.last }}
                            {%- endfor %}
                        )
                        {%- endif %}
                    ) as scanned
                ) as marked
            ) as started
        ) as lines
        left join {{ unread }} as unread on lines.filename = unread.object_key
    {%- else %}
        select
            cast(null as varchar) as _source_file,
            cast(null as varchar) as _datehour,
            cast(null as bigint) as _line_number,
            cast(null as bigint) as _object_size_bytes,
            cast(null as varchar) as line,
            true as is_valid_utf8,
            cast(null as varchar) as object_problem
        where false
    {%- endif %}
    {%- if reading %}
        union all
        -- objects DuckDB's readers reject whole (bytes that are not UTF-8, a line longer than the text
        -- reader's buffer): read line by line
        {%- set line_read %}
        select
            unread.object_key as _source_file,
            unread.landing_folder as _datehour,
            object_lines.line_number as _line_number,
            unread.inspection.size_bytes as _object_size_bytes,
            object_lines.line,
            object_lines.is_valid_utf8,
            cast(null as varchar) as object_problem
        from {{ unread }} as unread
        cross join unnest(connect_lake_object_lines(unread.object_key)) as numbered (object_lines)
        where {{ usable }} and inspection.needs_line_reader
        {%- endset %}
        {{ connect_lake.documents_from_lines(line_read) if is_document else line_read }}
        union all
        -- objects that cannot be read at all, and objects out of place
        select
            unread.object_key,
            unread.landing_folder,
            cast(null as bigint),
            unread.inspection.size_bytes,
            cast(null as varchar),
            true,
            case when unread.object_state = 'expected' then unread.inspection.problem else 'unexpected_object_key' end
        from {{ unread }} as unread
        where unread.object_state <> 'expected' or unread.inspection.problem is not null
    {%- endif %}
{% endmacro %}


{#- Epoch seconds: leaf folders whose change time is older hold nothing this model has not read (0 on a first
    run, with --full-refresh, or with full_landing_listing: every folder is listed). Its last run's start, less
    landing_listing_margin_seconds for file systems whose clock is not the machine's (a network share). -#}
{% macro listing_changed_since() %}
    {%- if not is_incremental() or var('full_landing_listing', false) -%}
        {{ return(0) }}
    {%- endif -%}
    {%- set mark = connect_lake.ingestion_watermark() -%}
    {%- if mark is none -%}{{ return(0) }}{%- endif -%}
    {%- set last_run = run_query('select epoch(' ~ mark ~ ')').columns[0].values()[0] -%}
    {{ return(last_run - var('landing_listing_margin_seconds', 5)) }}
{% endmacro %}


{#- Athena and Trino: the lines of the source's partitions from the newest landing folder already read (up to
    the run's clock, so a future-dated folder cannot move it), less incremental_lookback_days, minus the objects
    already read there. Both filters are literals: partition projection prunes the folders, and the object keys
    ("$path") prune the files, so a run scans the objects that are new. The engines' text readers stop the whole
    query at an object they cannot decompress and never show an empty one, so the objects `connect-lake
    check-objects` found unreadable (landing_object_checks) are left out of the read by literal key and recorded
    as object rows instead, each once. -#}
{% macro trino__read_unread_objects(node, relation) %}
    {%- set landing = node.meta.landing -%}
    {%- set folder_format = '%Y/%m/%d/%H' if 'HH' in landing.athena_projection_format else '%Y/%m/%d' -%}
    {%- set checks = api.Relation.create(database=relation.database, schema=relation.schema, identifier='landing_object_checks') -%}
    {%- set root = connect_lake.landing_root_uri() -%}
    {%- set live = execute and not var('offline_compile', false) and flags.WHICH in ('run', 'build') -%}
    {%- set ns = namespace(window_start=none, exclusions=[], exact=true, unreadable=[]) -%}
    {%- if live -%}
        {%- set found = run_query(
            "select object_key from " ~ checks ~ " where source = '" ~ node.name ~ "' and problem is not null order by 1"
        ) -%}
        {%- set ns.unreadable = found.rows | map(attribute=0) | list -%}
    {%- endif -%}
    {%- if is_incremental() and execute -%}
        {%- set clock_folder = run_started_at.strftime(folder_format) -%}
        {%- if var('offline_compile', false) -%}
            {%- set newest = var('offline_incremental_state').newest_landing_hour[:(10 if '%H' not in folder_format else 13)] -%}
        {%- else -%}
            {%- set newest = run_query(
                "select max(_datehour) from " ~ this ~ " where _datehour <= '" ~ clock_folder ~ "'"
            ).columns[0].values()[0] -%}
        {%- endif -%}
        {%- if newest -%}
            {%- set newest_at = modules.datetime.datetime.strptime(newest, folder_format) -%}
            {%- set ns.window_start = (newest_at - modules.datetime.timedelta(days=var('incremental_lookback_days'))).strftime(folder_format) -%}
            {%- set read = [] if var('offline_compile', false) else run_query(
                "select distinct _source_file from " ~ this ~ " where _datehour >= '" ~ ns.window_start ~ "' order by 1"
            ).columns[0].values() | list -%}
            {%- if read | length <= var('max_literal_object_keys', 2000) -%}
                {%- set ns.exclusions = read -%}
            {%- else -%}
                {%- set ns.exact = false -%}
            {%- endif -%}
        {%- endif -%}
    {%- endif -%}
    {%- set excluded = ns.exclusions | list -%}
    {%- for key in ns.unreadable -%}{%- do excluded.append(root ~ '/' ~ key) -%}{%- endfor -%}
    {%- set lines_sql %}
        select
            lines._source_file,
            lines._datehour,
            cast(null as bigint) as _line_number,
            lines._object_size_bytes,
            lines.line,
            from_utf8(to_utf8(lines.line)) = lines.line as is_valid_utf8,
            cast(null as varchar) as object_problem
        from {{ relation }} as lines
        where
            lines._datehour >= '{{ ns.window_start or connect_lake.first_landing_folder(folder_format) }}'
            {%- if excluded %}
            and lines._source_file not in (
                {%- for key in excluded | unique | sort %}
                '{{ key | replace("'", "''") }}'{{ ',' if not loop.last }}
                {%- endfor %}
            )
            {%- endif %}
            {%- if not ns.exact %}
            and not exists (select 1 from {{ this }} as already where already._source_file = lines._source_file)
            {%- endif %}
        union all
        -- objects the engine's reader cannot take (empty, not gzip, cut short) or out of place: one row each
        select
            checked._source_file,
            checked.landing_folder,
            cast(null as bigint),
            checked.size_bytes,
            cast(null as varchar),
            true,
            checked.problem
        from (
            select concat('{{ root }}/', object_key) as _source_file, landing_folder, size_bytes, problem
            from {{ checks }}
            where source = '{{ node.name }}' and problem is not null
        ) as checked
        {%- if is_incremental() %}
        where not exists (select 1 from {{ this }} as already where already._source_file = checked._source_file)
        {%- endif %}
    {%- endset %}
    {%- if connect_lake.is_document_source(landing) %}
        {{ connect_lake.documents_from_lines(lines_sql) }}
    {%- else %}
        {{ lines_sql }}
    {%- endif %}
{% endmacro %}

{#- Athena engine v3 is Trino: the same body -#}
{% macro athena__read_unread_objects(node, relation) %}{{ return(connect_lake.trino__read_unread_objects(node, relation)) }}{% endmacro %}


{#- The landing root as the engine's "$path" spells it (no trailing /). -#}
{% macro landing_root_uri() %}
    {{ return(adapter.dispatch('landing_root_uri', 'connect_lake')()) }}
{% endmacro %}

{% macro trino__landing_root_uri() %}{{ return(connect_lake.trino_raw_root()) }}{% endmacro %}

{% macro athena__landing_root_uri() %}{{ return(connect_lake.raw_s3_uri().rstrip('/')) }}{% endmacro %}

{% macro default__landing_root_uri() %}{{ return(connect_lake.absolute_raw_path()) }}{% endmacro %}
