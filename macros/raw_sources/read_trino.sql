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
