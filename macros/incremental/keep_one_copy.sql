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
