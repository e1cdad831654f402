{{
    config(
        materialized='incremental',
        incremental_strategy='append',
    )
}}
-- The quarantine of the raw layer: every landed object that could not be read and every line or record that
-- could not be staged, with where it is and why. Built from the same pass that read the objects (the base
-- models), taking only what each run newly read, so it never reads the landing zone itself. One bad object
-- or record never stops a build; it shows up here, and a warn-severity test reports the counts by reason.
with
{%- for landing in connect_lake.landing_models() %}
{{ landing.base }} as (
    select
        _raw_source as raw_source,
        _source_file as source_file,
        _datehour as landing_folder,
        _line_number as line_number,
        case when _row_kind = 'quarantined_object' then 'object' else 'line' end as quarantine_level,
        quarantine_reason,
        {{ dbt.split_part('quarantine_reason', "':'", 1) }} as quarantine_reason_family,
        {{ landing.record_key }} as record_key,
        line_excerpt,
        _object_size_bytes as object_size_bytes,
        _ingested_at
    from {{ ref(landing.base) }}
    where
        _row_kind in ('quarantined_line', 'quarantined_object')
        and {{ connect_lake.ingested_since_last_run() }}
),
{%- endfor %}

quarantined as (
    {%- for landing in connect_lake.landing_models() %}
    select * from {{ landing.base }}
    {%- if not loop.last %}
    union all
    {%- endif %}
    {%- endfor %}
)

-- Athena's and Trino's text readers give no line numbers: there a row of an object is told apart by its rank
-- among the object's quarantined rows (an object is read in one run, so the rank never changes)
select
    {{ connect_lake.surrogate_key([
        'raw_source',
        'source_file',
        "coalesce(cast(line_number as varchar), '#' || cast(row_number() over (
            partition by raw_source, source_file order by quarantine_reason, line_excerpt
        ) as varchar))"
    ]) }} as quarantine_id,
    *
from quarantined
