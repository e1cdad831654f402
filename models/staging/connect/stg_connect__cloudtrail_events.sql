{{
    config(
        materialized='incremental',
        unique_key='event_id',
        incremental_strategy='merge',
    )
}}
-- One row per CloudTrail event (eventID), duplicate deliveries removed: who called which API, from where, on
-- what, and whether it worked. CloudTrail delivers an event at least once, sometimes in two log files: the
-- copy in the first file landed is kept, so the choice does not depend on read order.
{%- set columns = [
    'event_id', 'event_at', 'event_source', 'event_name', 'event_type', 'event_category', 'event_version',
    'is_read_only', 'is_management_event', 'identity_type', 'identity_arn', 'identity_principal_id',
    'identity_account_id', 'identity_user_name', 'identity_invoked_by', 'identity_role_arn', 'identity_role_name',
    'source_ip_address', 'user_agent', 'error_code', 'error_message', 'aws_region', 'aws_account_id', 'request_id',
    'request_parameters', 'response_elements', '_source_file', '_datehour', '_line_number',
] %}
with new_copies as (
    select * from {{ ref('base_connect__cloudtrail') }}
    where _row_kind = 'record' and {{ connect_lake.ingested_since_last_run() }}
),

{{ connect_lake.keep_one_copy('new_copies', 'event_id', '_source_file, _line_number', columns) }}

select
    {{ columns | join(',\n    ') }},
    -- the caller by name: an assumed role's session (the last part of its ARN), else the IAM user
    case
        when identity_type = 'AssumedRole' then {{ connect_lake.regex_extract('identity_arn', '/([^/]+)$') }}
        else identity_user_name
    end as actor_name,
    error_code is null as is_success,
    {{ connect_lake.json_str('request_parameters', '$.InstanceId') }} as instance_id,
    {{ connect_lake.json_str('request_parameters', '$.bucketName') }} as s3_bucket_name,
    {{ connect_lake.json_str('request_parameters', '$.key') }} as s3_object_key,
    delivery_count,
    newest_ingested_at as _ingested_at
from ranked
where copy_rank = 1
