-- One row per version of a customer profile (a CREATED, UPDATED or MERGED event of a standard `_profile`
-- object), typed and renamed. Phone numbers and e-mail addresses leave staging only as salted hashes, the
-- same as fct_contacts.customer_key, so contacts link to profiles without exposing either. The stream is at
-- least once: a repeated EventId is kept once.
with source as (
    select * from {{ source('connect', 'customer_profiles') }}
),

renamed as (
    select
        eventid as event_id,
        eventtype as event_type,
        {{ connect_lake.parse_iso8601_ts('eventtimestamp') }} as changed_at,
        domainname as domain_name,
        ismessagerealtime as is_real_time,
        mergeid as merge_id,
        duplicateprofiles as merged_profile_ids,
        object.profileid as profile_id,
        object.accountnumber as account_number,
        object.profiletype as profile_type,
        object.partytype as party_type,
        object.businessname as business_name,
        object.firstname as first_name,
        object.middlename as middle_name,
        object.lastname as last_name,
        object.birthdate as birth_date,
        object.gender as gender,
        {{ connect_lake.pii_hash('object.phonenumber') }} as phone_key,
        {{ connect_lake.pii_hash('object.mobilephonenumber') }} as mobile_phone_key,
        {{ connect_lake.pii_hash('object.homephonenumber') }} as home_phone_key,
        {{ connect_lake.pii_hash('object.businessphonenumber') }} as business_phone_key,
        {{ connect_lake.pii_hash('object.emailaddress') }} as email_key,
        {{ connect_lake.pii_hash('object.personalemailaddress') }} as personal_email_key,
        {{ connect_lake.pii_hash('object.businessemailaddress') }} as business_email_key,
        object.address.city as city,
        object.address.county as county,
        object.address.state as state,
        object.address.province as province,
        object.address.postalcode as postal_code,
        object.address.country as country,
        {{ connect_lake.map_value('object.attributes', 'tier') }} as customer_tier,
        _source_file,
        _datehour
    from source
    -- other object types share the stream; a line that is not an event reads as a row of nulls and is listed
    -- by stg_connect__rejected_lines
    where objecttypename = '_profile' and eventid is not null and object.profileid is not null
),

deduplicated as (
    select
        *,
        row_number() over (partition by event_id order by _source_file) as delivery_rank
    from renamed
)

select
    event_id,
    event_type,
    changed_at,
    domain_name,
    is_real_time,
    merge_id,
    merged_profile_ids,
    profile_id,
    account_number,
    profile_type,
    party_type,
    business_name,
    first_name,
    middle_name,
    last_name,
    birth_date,
    gender,
    phone_key,
    mobile_phone_key,
    home_phone_key,
    business_phone_key,
    email_key,
    personal_email_key,
    business_email_key,
    city,
    county,
    state,
    province,
    postal_code,
    country,
    customer_tier,
    _source_file,
    _datehour
from deduplicated
where delivery_rank = 1
