{% macro keep_one_copy(new_copies, key, order_by, columns) -%}
candidates as (
    select
        {{ columns | join(',\n        ') }},
        _ingested_at,
        cast(1 as bigint) as copies
    from {{ new_copies }}
    {%- if is_incremental() %}
    union all
    select
        {{ columns | join(',\n        ') }},
        _ingested_at,
        delivery_count as copies
    from {{ this }}
    where {{ key }} in (select {{ key }} from {{ new_copies }})
    {%- endif %}
),

ranked as (
    select
        candidates.*,
        row_number() over (partition by {{ key }} order by {{ order_by }}) as copy_rank,
        cast(sum(copies) over (partition by {{ key }}) as bigint) as delivery_count,
        max(_ingested_at) over (partition by {{ key }}) as newest_ingested_at
    from candidates
)
{%- endmacro %}


{#- A configuration snapshot's staging model: the records its base model took in since the last run, one copy
    per key (a snapshot object landed twice is kept once), `columns` and the copy count. -#}
{% macro config_snapshot_staging(base_relation, key, columns) -%}
with new_copies as (
    select * from {{ base_relation }}
    where
        _row_kind = 'record'
        and {{ connect_lake.ingested_since_last_run() }}
),

{{ connect_lake.keep_one_copy('new_copies', key, '_source_file, _line_number', columns) }}

select
    {{ columns | join(',\n    ') }},
    delivery_count,
    newest_ingested_at as _ingested_at
from ranked
where copy_rank = 1
{%- endmacro %}
