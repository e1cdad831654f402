-- Every line of every Customer Profiles object ever landed, read once (each run reads only the objects this
-- table does not hold yet). An event that passes the record rules is typed here, phone numbers and e-mail
-- addresses only as salted hashes (the same as fct_contacts.customer_key); a line or object that cannot be
-- used keeps its reason for stg_connect__quarantine. stg_connect__customer_profile_events keeps one copy per
-- event.
with landed as (
    -- the lines are numbered by a window frame without order by, which DuckDB streams and sqlfluff cannot
    -- parse: hence the noqa
    {{ connect_lake.landed_records('customer_profiles', source('connect', 'customer_profiles')) }}  -- noqa
),

typed as (
    select
        {{ connect_lake.landed_columns() }},

        record_key as event_id,
        payload.eventtype as event_type,
        {{ connect_lake.try_parse_iso8601_ts('payload.eventtimestamp') }} as changed_at,
        payload.domainname as domain_name,
        payload.objecttypename as object_type_name,
        payload.associatedprofileid as associated_profile_id,
        case lower(payload.ismessagerealtime) when 'true' then true when 'false' then false end
            as is_real_time,
        payload.mergeid as merge_id,
        payload.duplicateprofiles as merged_profile_ids,
        coalesce(payload.object.profileid, payload.associatedprofileid) as profile_id,
        payload.object.accountnumber as account_number,
        payload.object.profiletype as profile_type,
        payload.object.partytype as party_type,
        payload.object.businessname as business_name,
        payload.object.firstname as first_name,
        payload.object.middlename as middle_name,
        payload.object.lastname as last_name,
        payload.object.birthdate as birth_date,
        payload.object.gender as gender,
        {{ connect_lake.pii_hash('payload.object.phonenumber') }} as phone_key,
        {{ connect_lake.pii_hash('payload.object.mobilephonenumber') }} as mobile_phone_key,
        {{ connect_lake.pii_hash('payload.object.homephonenumber') }} as home_phone_key,
        {{ connect_lake.pii_hash('payload.object.businessphonenumber') }} as business_phone_key,
        {{ connect_lake.pii_hash('payload.object.emailaddress') }} as email_key,
        {{ connect_lake.pii_hash('payload.object.personalemailaddress') }} as personal_email_key,
        {{ connect_lake.pii_hash('payload.object.businessemailaddress') }} as business_email_key,
        payload.object.address.city as city,
        payload.object.address.county as county,
        payload.object.address.state as state,
        payload.object.address.province as province,
        payload.object.address.postalcode as postal_code,
        payload.object.address.country as country,
        {{ connect_lake.map_value('payload.object.attributes', 'tier') }} as customer_tier
    from landed
)

select * from typed
