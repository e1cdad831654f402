{{
    config(
        materialized='incremental',
        unique_key='landing_accounting_id',
        incremental_strategy='merge',
    )
}}
-- Every landed line accounted for, per raw source and landing folder: objects and bytes landed, objects that
-- could not be read, lines read, and what became of each line: a blank, a quarantined line (by reason), or a
-- staged record, which deduplication then kept, set aside for another copy (a duplicate, a superseded
-- re-delivery or re-analysis), or left to models that do not take it. lines_read = blank_lines +
-- lines_quarantined + records_staged, and records_staged = records_kept + records_superseded +
-- records_not_modelled. A run recounts the folders it read objects into and the folders whose records it
-- deduplicated again.
{%- set families = [
    'invalid_json', 'invalid_utf8', 'missing_field', 'invalid_timestamp', 'invalid_number', 'negative_duration',
] %}
with
{%- for landing in connect_lake.landing_models() %}
{{ landing.base }}__copies as (
    select
        _raw_source,
        _datehour,
        _source_file,
        _line_number,
        _object_size_bytes,
        _row_kind,
        quarantine_reason,
        _ingested_at,
        {{ landing.key }} as staging_key
    from {{ ref(landing.base) }}
),

{%- if is_incremental() %}

{{ landing.base }}__touched as (
    select distinct
        _raw_source,
        _datehour
    from {{ landing.base }}__copies
    where {{ connect_lake.ingested_since_last_run() }}
    union
    select distinct
        copies._raw_source,
        copies._datehour
    from {{ landing.base }}__copies as copies
    inner join {{ ref(landing.staging) }} as deduplicated
        on copies.staging_key = deduplicated.{{ landing.key }}
    where {{ connect_lake.ingested_since_last_run('deduplicated._ingested_at') }}
),
{%- endif %}

{{ landing.base }}__scoped as (
    {%- if is_incremental() %}
    select copies.*
    from {{ landing.base }}__copies as copies
    inner join {{ landing.base }}__touched as touched
        on
            copies._raw_source = touched._raw_source
            and copies._datehour is not distinct from touched._datehour
    {%- else %}
    select * from {{ landing.base }}__copies
    {%- endif %}
),

{{ landing.base }}__accounted as (
    select
        scoped.*,
        case
            when scoped._row_kind <> 'record' then null
            when kept.{{ landing.key }} is null then 'not_modelled'
            when
                kept._source_file = scoped._source_file
                and coalesce(kept._line_number, 0) = coalesce(scoped._line_number, 0)
                then 'kept'
            else 'superseded'
        end as dedup_outcome
    from {{ landing.base }}__scoped as scoped
    left join {{ ref(landing.staging) }} as kept on scoped.staging_key = kept.{{ landing.key }}
),
{%- endfor %}

accounted as (
    {%- for landing in connect_lake.landing_models() %}
    select * from {{ landing.base }}__accounted
    {%- if not loop.last %}
    union all
    {%- endif %}
    {%- endfor %}
),

-- one pass over the rows, per object first, then per folder: Trino and Athena plan a CTE read twice as two
-- copies of every base model's scan, and the union of every source already takes many stages (at most 150)
per_object as (
    select
        _raw_source,
        _datehour,
        _source_file,
        max(_object_size_bytes) as object_size_bytes,
        max(case when _row_kind = 'quarantined_object' then 1 else 0 end) as is_quarantined,
        sum(case when _row_kind <> 'quarantined_object' then 1 else 0 end) as lines_read,
        sum(case when _row_kind = 'blank_line' then 1 else 0 end) as blank_lines,
        sum(case when _row_kind = 'quarantined_line' then 1 else 0 end) as lines_quarantined,
        {%- for family in families %}
        sum(case when quarantine_reason like '{{ family }}%' then 1 else 0 end) as quarantined_{{ family }},
        {%- endfor %}
        sum(case when _row_kind = 'record' then 1 else 0 end) as records_staged,
        sum(case when dedup_outcome = 'kept' then 1 else 0 end) as records_kept,
        sum(case when dedup_outcome = 'superseded' then 1 else 0 end) as records_superseded,
        sum(case when dedup_outcome = 'not_modelled' then 1 else 0 end) as records_not_modelled,
        max(_ingested_at) as _ingested_at
    from accounted
    group by 1, 2, 3
),

folder_counts as (
    select
        _raw_source,
        _datehour,
        count(*) as objects_landed,
        sum(is_quarantined) as objects_quarantined,
        sum(object_size_bytes) as bytes_landed,
        sum(lines_read) as lines_read,
        sum(blank_lines) as blank_lines,
        sum(lines_quarantined) as lines_quarantined,
        {%- for family in families %}
        sum(quarantined_{{ family }}) as quarantined_{{ family }},
        {%- endfor %}
        sum(records_staged) as records_staged,
        sum(records_kept) as records_kept,
        sum(records_superseded) as records_superseded,
        sum(records_not_modelled) as records_not_modelled,
        max(_ingested_at) as _ingested_at
    from per_object
    group by 1, 2
)

select
    {{ connect_lake.surrogate_key([
        '_raw_source',
        "coalesce(_datehour, '-')"
    ]) }}
        as landing_accounting_id,
    _raw_source as raw_source,
    _datehour as landing_folder,
    cast(objects_landed as bigint) as objects_landed,
    cast(objects_quarantined as bigint) as objects_quarantined,
    cast(bytes_landed as bigint) as bytes_landed,
    cast(lines_read as bigint) as lines_read,
    cast(blank_lines as bigint) as blank_lines,
    cast(lines_quarantined as bigint) as lines_quarantined,
    {%- for family in families %}
    cast(quarantined_{{ family }} as bigint) as quarantined_{{ family }},
    {%- endfor %}
    cast(records_staged as bigint) as records_staged,
    cast(records_kept as bigint) as records_kept,
    cast(records_superseded as bigint) as records_superseded,
    cast(records_not_modelled as bigint) as records_not_modelled,
    _ingested_at
from folder_counts
