-- Every line of every flow-log object ever landed, read once (each run reads only the objects this table does
-- not hold yet). An entry that passes the record rules is typed here; a line or object that cannot be used
-- keeps its reason for stg_connect__quarantine. stg_connect__contact_flow_logs keeps one copy per entry.
with landed as (
    -- the lines are numbered by a window frame without order by, which DuckDB streams and sqlfluff cannot
    -- parse: hence the noqa
    {{ connect_lake.landed_records('contact_flow_logs', source('connect', 'contact_flow_logs')) }}  -- noqa
),

typed as (
    select
        {{ connect_lake.landed_columns() }},

        -- an entry is its contact, block and time: CloudWatch gives entries no id
        {{ connect_lake.surrogate_key([
            'record_key',
            'payload.identifier',
            connect_lake.timestamp_key(connect_lake.try_parse_iso8601_ts('payload.timestamp'))
        ]) }} as flow_log_entry_id,
        record_key as contact_id,
        payload.contactflowid as contact_flow_arn,
        {{ dbt.split_part('payload.contactflowid', "'/'", 4) }} as contact_flow_id,
        payload.contactflowname as contact_flow_name,
        payload.contactflowmoduletype as module_type,
        payload.identifier as block_identifier,
        {{ connect_lake.try_parse_iso8601_ts('payload.timestamp') }} as logged_at,
        {{ connect_lake.json_to_text('payload.parameters') }} as parameters_json,
        payload.results as results,
        {{ connect_lake.json_to_text('payload.externalresults') }} as external_results_json
    from landed
)

select * from typed
