-- Every line of every hierarchy structure snapshot object ever landed, read once (each run reads only the
-- objects this table does not hold yet). A record that passes the record rules is typed here; a line or
-- object that cannot be used keeps its reason for stg_connect__quarantine.
-- stg_connect__config_user_hierarchy_structure keeps one copy per snapshot.
with landed as (
    -- the lines are numbered by a window frame without order by, which DuckDB streams and sqlfluff cannot
    -- parse: hence the noqa
    {{ connect_lake.landed_records('config_user_hierarchy_structure', source('connect', 'config_user_hierarchy_structure')) }}  -- noqa
),

typed as (
    select
        {{ connect_lake.landed_columns() }},

        {{ connect_lake.surrogate_key(['record_key']) }} as hierarchy_structure_snapshot_key,
        payload.levelone.name as hierarchy_level1_label,
        payload.leveltwo.name as hierarchy_level2_label,
        payload.levelthree.name as hierarchy_level3_label,
        payload.levelfour.name as hierarchy_level4_label,
        payload.levelfive.name as hierarchy_level5_label,
        {{ connect_lake.try_parse_iso8601_ts('payload.snapshottime') }} as snapshot_at
    from landed
)

select * from typed
