-- Every line of every flow snapshot object ever landed, read once (each run reads only the objects this table
-- does not hold yet). A record that passes the record rules is typed here; a line or object that cannot be
-- used keeps its reason for stg_connect__quarantine. stg_connect__config_contact_flows keeps one copy per
-- flow and snapshot.
with landed as (
    -- the lines are numbered by a window frame without order by, which DuckDB streams and sqlfluff cannot
    -- parse: hence the noqa
    {{ connect_lake.landed_records('config_contact_flows', source('connect', 'config_contact_flows')) }}  -- noqa
),

typed as (
    select
        {{ connect_lake.landed_columns() }},

        {{ connect_lake.surrogate_key(['record_key', 'payload.snapshottime']) }}
            as contact_flow_snapshot_key,
        record_key as contact_flow_id,
        payload.arn as contact_flow_arn,
        payload.name as contact_flow_name,
        payload.contactflowtype as contact_flow_type,
        payload.contactflowstate as contact_flow_state,
        payload.contactflowstatus as contact_flow_status,
        {{ connect_lake.try_parse_iso8601_ts('payload.snapshottime') }} as snapshot_at
    from landed
)

select * from typed
