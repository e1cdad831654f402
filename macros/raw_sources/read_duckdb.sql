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


{% macro listing_changed_since() %}
    {%- if not is_incremental() or var('full_landing_listing', false) -%}
        {{ return(0) }}
    {%- endif -%}
    {%- set mark = connect_lake.ingestion_watermark() -%}
    {%- if mark is none -%}{{ return(0) }}{%- endif -%}
    {%- set last_run = run_query('select epoch(' ~ mark ~ ')').columns[0].values()[0] -%}
    {{ return(last_run - var('landing_listing_margin_seconds', 5)) }}
{% endmacro %}
