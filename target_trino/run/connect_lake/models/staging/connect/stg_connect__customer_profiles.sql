
  
    

    create table "iceberg"."connect_lake_staging"."stg_connect__customer_profiles"
      comment 'One row per version of a customer profile: each CREATED, UPDATED or MERGED event of a standard `_profile` object, once per EventId. Phone numbers and e-mail addresses are kept only as salted hashes.
'
      
    as (
      
-- One row per version of a customer profile (a CREATED, UPDATED or MERGED event of a standard `_profile`
-- object), typed and renamed. Phone numbers and e-mail addresses leave staging only as salted hashes, the
-- same as fct_contacts.customer_key, so contacts link to profiles without exposing either. The stream is at
-- least once: a repeated EventId is kept once. Other object types share the stream; they are staged in the
-- base table and not modelled here.
with new_copies as (
    select * from "iceberg"."connect_lake_staging"."base_connect__customer_profiles"
    where
        _row_kind = 'record'
        and object_type_name = '_profile'
        and true
),

candidates as (
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
        _datehour,
        _line_number,
        _ingested_at,
        cast(1 as bigint) as copies
    from new_copies
),

ranked as (
    select
        candidates.*,
        row_number() over (partition by event_id order by _source_file, _line_number) as copy_rank,
        cast(sum(copies) over (partition by event_id) as bigint) as deliveries,
        max(_ingested_at) over (partition by event_id) as newest_ingested_at
    from candidates
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
    _datehour,
    _line_number,
    deliveries,
    newest_ingested_at as _ingested_at
from ranked
where copy_rank = 1
    );

  