-- Every line of every user snapshot object ever landed, read once (each run reads only the objects this table
-- does not hold yet). A record that passes the record rules is typed here; a line or object that cannot be
-- used keeps its reason for stg_connect__quarantine. stg_connect__config_users keeps one copy per user and
-- snapshot.
with landed as (
    -- the lines are numbered by a window frame without order by, which DuckDB streams and sqlfluff cannot
    -- parse: hence the noqa
    {{ connect_lake.landed_records('config_users', source('connect', 'config_users')) }}  -- noqa
),

typed as (
    select
        {{ connect_lake.landed_columns() }},

        {{ connect_lake.surrogate_key(['record_key', 'payload.snapshottime']) }}
            as user_snapshot_key,
        record_key as agent_id,
        payload.arn as agent_arn,
        payload.username as agent_username,
        payload.identityinfo.firstname as agent_first_name,
        payload.identityinfo.lastname as agent_last_name,
        payload.phoneconfig.phonetype as phone_type,
        case lower(payload.phoneconfig.autoaccept) when 'true' then true when 'false' then false end
            as is_auto_accept,
        cast(payload.phoneconfig.aftercontactworktimelimit as integer) as after_contact_work_time_limit_s,
        payload.routingprofileid as routing_profile_id,
        payload.hierarchygroupid as hierarchy_group_id,
        {{ connect_lake.try_parse_iso8601_ts('payload.snapshottime') }} as snapshot_at
    from landed
)

select * from typed
