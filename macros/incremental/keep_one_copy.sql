{#-
    Deduplication that survives incremental runs: the copies of a record that arrived since the last run
    compete with the copy this model kept so far, and one wins by `order_by`. A late older copy therefore
    never replaces a newer one, and `deliveries` counts every copy ever landed. Renders two CTEs,
    `candidates` and `ranked`; select the winners with `where copy_rank = 1` and take `deliveries` and
    `_ingested_at` (the newest arrival among the copies) from `ranked`. Use with the merge strategy on `key`.

    new_copies  CTE with this run's new copies: `columns`, `_ingested_at`
    key         the record key (one column)
    order_by    the ranking, best first, over `columns`
-#}
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
        deliveries as copies
    from {{ this }}
    where {{ key }} in (select {{ key }} from {{ new_copies }})
    {%- endif %}
),

ranked as (
    select
        candidates.*,
        row_number() over (partition by {{ key }} order by {{ order_by }}) as copy_rank,
        cast(sum(copies) over (partition by {{ key }}) as bigint) as deliveries,
        max(_ingested_at) over (partition by {{ key }}) as newest_ingested_at
    from candidates
)
{%- endmacro %}
