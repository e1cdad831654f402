{#-
    Type-2 history from daily configuration snapshots: the CTEs that turn one row per resource per snapshot into
    one row per version, the last of them named `name`. A version starts at the first snapshot that shows the
    resource with these tracked values: its first snapshot, the first after a tracked value changed, or the
    first after snapshots without it (removed, then added back). It ends (valid_to_at) at the first snapshot
    that no longer shows it so; the current version is in the newest snapshot. Versions are as fine as the
    snapshots: a change shows at the first snapshot after it, and two changes between snapshots show as one.
    `snapshots` needs id_columns, tracked_columns and snapshot_at; every snapshot time in it counts as a
    snapshot of the resource type.
-#}
{% macro configuration_versions(name, snapshots, id_columns, tracked_columns) -%}
{%- set ids = id_columns | join(', ') -%}
{%- set same_id = [] -%}
{%- for column in id_columns -%}{%- do same_id.append('numbered.' ~ column ~ ' = bounded.' ~ column) -%}{%- endfor -%}
{{ name }}__taken as (
    select
        snapshot_at,
        lag(snapshot_at) over (order by snapshot_at) as previous_taken_at,
        lead(snapshot_at) over (order by snapshot_at) as next_taken_at
    from (select distinct snapshot_at from {{ snapshots }}) as snapshot_times
),

{{ name }}__hashed as (
    select
        {%- for column in id_columns + tracked_columns %}
        snapshots.{{ column }},
        {%- endfor %}
        snapshots.snapshot_at,
        taken.previous_taken_at,
        taken.next_taken_at,
        {{ connect_lake.surrogate_key(tracked_columns, hashed=true) }} as attributes_hash
    from {{ snapshots }} as snapshots
    inner join {{ name }}__taken as taken on snapshots.snapshot_at = taken.snapshot_at
),

{{ name }}__marked as (
    select
        *,
        case
            when lag(snapshot_at) over (partition by {{ ids }} order by snapshot_at) is null then 1
            when lag(snapshot_at) over (partition by {{ ids }} order by snapshot_at) <> previous_taken_at then 1
            when lag(attributes_hash) over (partition by {{ ids }} order by snapshot_at) <> attributes_hash then 1
            else 0
        end as starts_version
    from {{ name }}__hashed
),

{{ name }}__numbered as (
    select
        *,
        sum(starts_version) over (
            partition by {{ ids }} order by snapshot_at rows between unbounded preceding and current row
        ) as version_number
    from {{ name }}__marked
),

{{ name }}__bounded as (
    select
        {{ ids }},
        version_number,
        min(snapshot_at) as valid_from_at,
        max(snapshot_at) as last_snapshot_at
    from {{ name }}__numbered
    group by {{ ids }}, version_number
),

{{ name }} as (
    select
        {%- for column in id_columns + tracked_columns %}
        numbered.{{ column }},
        {%- endfor %}
        cast(bounded.version_number as bigint) as version_number,
        bounded.valid_from_at,
        ending.next_taken_at as valid_to_at,
        ending.next_taken_at is null as is_current_version,
        bounded.last_snapshot_at
    from {{ name }}__bounded as bounded
    inner join {{ name }}__numbered as numbered
        on
            {{ same_id | join('\n            and ') }}
            and numbered.snapshot_at = bounded.valid_from_at
    inner join {{ name }}__taken as ending on bounded.last_snapshot_at = ending.snapshot_at
)
{%- endmacro %}


{#- a minute of the day (0-1439) as hh:mm text -#}
{% macro minute_of_day_text(minute_column) -%}
    lpad(cast(cast(floor({{ minute_column }} / 60) as bigint) as varchar), 2, '0') || ':'
    || lpad(cast({{ minute_column }} % 60 as varchar), 2, '0')
{%- endmacro %}


{#- The newest configuration snapshot of each resource, as two CTEs (the last named `name`), flagged when it
    is in the newest snapshot of all (a resource missing from it has been removed since). -#}
{% macro newest_snapshots(name, relation, id_column) -%}
{{ name }}__ranked as (
    select
        *,
        row_number() over (partition by {{ id_column }} order by snapshot_at desc) as recency,
        max(snapshot_at) over () as newest_snapshot_at
    from {{ relation }}
),

{{ name }} as (
    select
        *,
        snapshot_at = newest_snapshot_at as is_in_newest_snapshot
    from {{ name }}__ranked
    where recency = 1
)
{%- endmacro %}
