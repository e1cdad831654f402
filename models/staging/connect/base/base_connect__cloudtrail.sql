-- Every event of every CloudTrail log file ever landed, read once (each run reads only the objects this table
-- does not hold yet): one row per element of a file's Records, numbered by its place there. An event that
-- passes the record rules is typed here, duplicates included (CloudTrail delivers at least once); an event,
-- line or object that cannot be used keeps its reason for stg_connect__quarantine.
-- stg_connect__cloudtrail_events keeps one copy per eventID.
with landed as (
    -- the lines are numbered by a window frame without order by, which DuckDB streams and sqlfluff cannot
    -- parse: hence the noqa
    {{ connect_lake.landed_records('cloudtrail', source('connect', 'cloudtrail')) }}  -- noqa
),

typed as (
    select
        {{ connect_lake.landed_columns() }},

        record_key as event_id,
        {{ connect_lake.try_parse_iso8601_ts('payload.eventtime') }} as event_at,
        payload.eventsource as event_source,
        payload.eventname as event_name,
        payload.eventtype as event_type,
        payload.eventcategory as event_category,
        payload.eventversion as event_version,
        case lower(payload.readonly) when 'true' then true when 'false' then false end as is_read_only,
        case lower(payload.managementevent) when 'true' then true when 'false' then false end
            as is_management_event,
        payload.useridentity.type as identity_type,
        payload.useridentity.arn as identity_arn,
        payload.useridentity.principalid as identity_principal_id,
        payload.useridentity.accountid as identity_account_id,
        payload.useridentity.username as identity_user_name,
        payload.useridentity.invokedby as identity_invoked_by,
        payload.useridentity.sessioncontext.sessionissuer.arn as identity_role_arn,
        payload.useridentity.sessioncontext.sessionissuer.username as identity_role_name,
        payload.sourceipaddress as source_ip_address,
        payload.useragent as user_agent,
        payload.errorcode as error_code,
        payload.errormessage as error_message,
        payload.awsregion as aws_region,
        payload.recipientaccountid as aws_account_id,
        payload.requestid as request_id,
        {{ connect_lake.json_to_text('payload.requestparameters') }} as request_parameters,
        {{ connect_lake.json_to_text('payload.responseelements') }} as response_elements
    from landed
)

select * from typed
