
  
    create table
    "iceberg"."connect_lake_marts"."dim_customers"
    
  (
    customer_version_key varchar,
    profile_id varchar,
    account_number varchar,
    version_number bigint,
    valid_from timestamp,
    valid_to timestamp,
    is_current_version boolean,
    merged_into_profile_id varchar,
    merged_at timestamp,
    version_event_type varchar,
    profile_created_at timestamp,
    profile_type varchar,
    party_type varchar,
    business_name varchar,
    first_name varchar,
    middle_name varchar,
    last_name varchar,
    birth_date varchar,
    gender varchar,
    city varchar,
    county varchar,
    state varchar,
    province varchar,
    postal_code varchar,
    country varchar,
    customer_tier varchar,
    phone_key varchar,
    mobile_phone_key varchar,
    home_phone_key varchar,
    business_phone_key varchar,
    email_key varchar,
    personal_email_key varchar,
    business_email_key varchar,
    is_real_time boolean,
    domain_name varchar,
    _ingested_at timestamp
    
    )

    
    comment 'Customers from Customer Profiles as a type 2 dimension: one row per profile version, valid from the change until the next (is_current_version marks the latest). Names, birth date, gender and postal code carry the Lake Formation tag data_classification=pii; phone numbers and e-mail addresses appear only as salted hash keys (tag pseudonymized_pii) equal to fct_contacts.customer_key for the same address, so `fct_contacts.customer_key in (phone_key, mobile_phone_key, email_key, personal_email_key)` with `initiated_at` between valid_from and valid_to finds the contact''s customer as of the contact. Customer Profiles sends no delete events, so a deleted profile stays current. A profile merged into another (listed in a MERGED event''s DuplicateProfiles) ends at the merge, has no current version, and points to the surviving profile (merged_into_profile_id).
'
    
    with (
        format = 'PARQUET'
    )
  ;

  insert into "iceberg"."connect_lake_marts"."dim_customers"
    (
      
    select customer_version_key, profile_id, account_number, version_number, valid_from, valid_to, is_current_version, merged_into_profile_id, merged_at, version_event_type, profile_created_at, profile_type, party_type, business_name, first_name, middle_name, last_name, birth_date, gender, city, county, state, province, postal_code, country, customer_tier, phone_key, mobile_phone_key, home_phone_key, business_phone_key, email_key, personal_email_key, business_email_key, is_real_time, domain_name, _ingested_at
    from (
        -- Customers from Customer Profiles as a type 2 dimension: one row per profile version (each CREATED, UPDATED
-- or MERGED event), valid from the change until the next, the newest flagged current. Phone numbers and
-- e-mail addresses appear only as salted hash keys, the same hash as fct_contacts.customer_key, so a
-- contact finds its customer (as of the contact) without either side exposing the address. A profile
-- merged into another (listed in a MERGED event's DuplicateProfiles) ends at the merge and points to the
-- profile that survived it.

with
profile_events as (
    select * from "iceberg"."connect_lake_staging"."stg_connect__customer_profiles"
),

profile_versions as (
    select * from profile_events
),

profile_merges as (
    select
        duplicates.merged_profile_id,
        profile_versions.profile_id as surviving_profile_id,
        profile_versions.changed_at as merged_at,
        row_number() over (
            partition by duplicates.merged_profile_id
            order by profile_versions.changed_at, profile_versions.event_id
        ) as merge_rank
    from profile_events as profile_versions
    cross join unnest(profile_versions.merged_profile_ids) as duplicates (merged_profile_id)
    where profile_versions.event_type = 'MERGED'
),

sequenced as (
    select
        *,
        -- two changes in the same millisecond keep their event order by id, so versions are deterministic
        row_number() over (partition by profile_id order by changed_at, event_id) as version_number,
        lead(changed_at) over (partition by profile_id order by changed_at, event_id) as next_changed_at,
        min(changed_at) over (partition by profile_id) as profile_created_at
    from profile_versions
),

merged as (
    select
        sequenced.*,
        profile_merges.surviving_profile_id,
        profile_merges.merged_at,
        -- the merge ends the version in force at the merge; a version that only starts after it is not real
        case
            when profile_merges.merged_at is null then sequenced.next_changed_at
            when sequenced.next_changed_at is null or sequenced.next_changed_at > profile_merges.merged_at
                then profile_merges.merged_at
            else sequenced.next_changed_at
        end as ends_at
    from sequenced
    left join profile_merges
        on
            sequenced.profile_id = profile_merges.merged_profile_id
            and profile_merges.merge_rank = 1
),

final as (
    select
        lower(to_hex(md5(to_utf8(cast(profile_id || '|' || event_id as varchar))))) as customer_version_key,
        profile_id,
        account_number,
        cast(version_number as bigint) as version_number,
        changed_at as valid_from,
        ends_at as valid_to,
        ends_at is null as is_current_version,
        surviving_profile_id as merged_into_profile_id,
        merged_at,
        event_type as version_event_type,
        profile_created_at,
        profile_type,
        party_type,
        business_name,
        first_name,
        middle_name,
        last_name,
        birth_date,
        gender,
        city,
        county,
        state,
        province,
        postal_code,
        country,
        customer_tier,
        phone_key,
        mobile_phone_key,
        home_phone_key,
        business_phone_key,
        email_key,
        personal_email_key,
        business_email_key,
        is_real_time,
        domain_name,
        cast('2026-12-02 03:58:07.195738' as timestamp(6)) as _ingested_at
    from merged
    where merged_at is null or changed_at < merged_at
)

select * from final
    ) as model_subq
    )
  ;

  