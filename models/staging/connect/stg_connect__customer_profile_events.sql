{{
    config(
        materialized='incremental',
        unique_key='event_id',
        incremental_strategy='merge',
    )
}}
-- One row per version of a customer profile (a CREATED, UPDATED or MERGED event of a standard `_profile`
-- object), typed and renamed. Phone numbers and e-mail addresses leave staging only as salted hashes, the
-- same as fct_contacts.customer_key, so contacts link to profiles without exposing either. The stream is at
-- least once: a repeated EventId is kept once. Other object types share the stream; they are staged in the
-- base table and not modelled here.
{%- set columns = [
    'event_id', 'event_type', 'changed_at', 'domain_name', 'is_real_time', 'merge_id', 'merged_profile_ids',
    'profile_id', 'account_number', 'profile_type', 'party_type', 'business_name', 'first_name', 'middle_name',
    'last_name', 'birth_date', 'gender', 'phone_key', 'mobile_phone_key', 'home_phone_key', 'business_phone_key',
    'email_key', 'personal_email_key', 'business_email_key', 'city', 'county', 'state', 'province',
    'postal_code', 'country', 'customer_tier', '_source_file', '_datehour', '_line_number',
] %}
with new_copies as (
    select * from {{ ref('base_connect__customer_profiles') }}
    where
        _row_kind = 'record'
        and object_type_name = '_profile'
        and {{ connect_lake.ingested_since_last_run() }}
),

{{ connect_lake.keep_one_copy('new_copies', 'event_id', '_source_file, _line_number', columns) }}

select
    {{ columns | join(',\n    ') }},
    delivery_count,
    newest_ingested_at as _ingested_at
from ranked
where copy_rank = 1
