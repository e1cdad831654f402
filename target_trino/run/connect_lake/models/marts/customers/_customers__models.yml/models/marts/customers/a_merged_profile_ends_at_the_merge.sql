
    -- Build actual result given inputs
with dbt_internal_unit_test_actual as (
  select
    "profile_id","version_number","valid_to","is_current_version","merged_into_profile_id", 'actual' as "actual_or_expected"
  from (
    -- Customers from Customer Profiles as a type 2 dimension: one row per profile version (each CREATED, UPDATED
-- or MERGED event), valid from the change until the next, the newest flagged current. Phone numbers and
-- e-mail addresses appear only as salted hash keys, the same hash as fct_contacts.customer_key, so a
-- contact finds its customer (as of the contact) without either side exposing the address. A profile
-- merged into another (listed in a MERGED event's DuplicateProfiles) ends at the merge and points to the
-- profile that survived it.

with
 __dbt__cte__stg_connect__customer_profiles as (

select
    'e1' as event_id,
    'CREATED' as event_type,
    cast('2026-11-02 08:00:00' as timestamp) as changed_at,
    true as is_real_time,
    cast(null as array(varchar)) as merged_profile_ids,
    'A' as profile_id,
    cast(null as varchar) as account_number,
    cast(null as varchar) as profile_type,
    cast(null as varchar) as party_type,
    cast(null as varchar) as business_name,
    cast(null as varchar) as first_name,
    cast(null as varchar) as middle_name,
    cast(null as varchar) as last_name,
    cast(null as varchar) as birth_date,
    cast(null as varchar) as gender,
    cast(null as varchar) as city,
    cast(null as varchar) as county,
    cast(null as varchar) as state,
    cast(null as varchar) as province,
    cast(null as varchar) as postal_code,
    cast(null as varchar) as country,
    cast(null as varchar) as customer_tier,
    cast(null as varchar) as phone_key,
    cast(null as varchar) as mobile_phone_key,
    cast(null as varchar) as home_phone_key,
    cast(null as varchar) as business_phone_key,
    cast(null as varchar) as email_key,
    cast(null as varchar) as personal_email_key,
    cast(null as varchar) as business_email_key,
    cast(null as varchar) as domain_name,
    cast(null as varchar) as merge_id,
    cast(null as varchar) as _source_file,
    cast(null as varchar) as _datehour
union all
select
    'e2' as event_id,
    'CREATED' as event_type,
    cast('2026-11-02 09:00:00' as timestamp) as changed_at,
    true as is_real_time,
    cast(null as array(varchar)) as merged_profile_ids,
    'B' as profile_id,
    cast(null as varchar) as account_number,
    cast(null as varchar) as profile_type,
    cast(null as varchar) as party_type,
    cast(null as varchar) as business_name,
    cast(null as varchar) as first_name,
    cast(null as varchar) as middle_name,
    cast(null as varchar) as last_name,
    cast(null as varchar) as birth_date,
    cast(null as varchar) as gender,
    cast(null as varchar) as city,
    cast(null as varchar) as county,
    cast(null as varchar) as state,
    cast(null as varchar) as province,
    cast(null as varchar) as postal_code,
    cast(null as varchar) as country,
    cast(null as varchar) as customer_tier,
    cast(null as varchar) as phone_key,
    cast(null as varchar) as mobile_phone_key,
    cast(null as varchar) as home_phone_key,
    cast(null as varchar) as business_phone_key,
    cast(null as varchar) as email_key,
    cast(null as varchar) as personal_email_key,
    cast(null as varchar) as business_email_key,
    cast(null as varchar) as domain_name,
    cast(null as varchar) as merge_id,
    cast(null as varchar) as _source_file,
    cast(null as varchar) as _datehour
union all
select
    'e3' as event_id,
    'MERGED' as event_type,
    cast('2026-11-02 10:00:00' as timestamp) as changed_at,
    true as is_real_time,
    cast(array['B'] as array(varchar)) as merged_profile_ids,
    'A' as profile_id,
    cast(null as varchar) as account_number,
    cast(null as varchar) as profile_type,
    cast(null as varchar) as party_type,
    cast(null as varchar) as business_name,
    cast(null as varchar) as first_name,
    cast(null as varchar) as middle_name,
    cast(null as varchar) as last_name,
    cast(null as varchar) as birth_date,
    cast(null as varchar) as gender,
    cast(null as varchar) as city,
    cast(null as varchar) as county,
    cast(null as varchar) as state,
    cast(null as varchar) as province,
    cast(null as varchar) as postal_code,
    cast(null as varchar) as country,
    cast(null as varchar) as customer_tier,
    cast(null as varchar) as phone_key,
    cast(null as varchar) as mobile_phone_key,
    cast(null as varchar) as home_phone_key,
    cast(null as varchar) as business_phone_key,
    cast(null as varchar) as email_key,
    cast(null as varchar) as personal_email_key,
    cast(null as varchar) as business_email_key,
    cast(null as varchar) as domain_name,
    cast(null as varchar) as merge_id,
    cast(null as varchar) as _source_file,
    cast(null as varchar) as _datehour
union all
select
    'e4' as event_id,
    'UPDATED' as event_type,
    cast('2026-11-02 11:00:00' as timestamp) as changed_at,
    true as is_real_time,
    cast(null as array(varchar)) as merged_profile_ids,
    'B' as profile_id,
    cast(null as varchar) as account_number,
    cast(null as varchar) as profile_type,
    cast(null as varchar) as party_type,
    cast(null as varchar) as business_name,
    cast(null as varchar) as first_name,
    cast(null as varchar) as middle_name,
    cast(null as varchar) as last_name,
    cast(null as varchar) as birth_date,
    cast(null as varchar) as gender,
    cast(null as varchar) as city,
    cast(null as varchar) as county,
    cast(null as varchar) as state,
    cast(null as varchar) as province,
    cast(null as varchar) as postal_code,
    cast(null as varchar) as country,
    cast(null as varchar) as customer_tier,
    cast(null as varchar) as phone_key,
    cast(null as varchar) as mobile_phone_key,
    cast(null as varchar) as home_phone_key,
    cast(null as varchar) as business_phone_key,
    cast(null as varchar) as email_key,
    cast(null as varchar) as personal_email_key,
    cast(null as varchar) as business_email_key,
    cast(null as varchar) as domain_name,
    cast(null as varchar) as merge_id,
    cast(null as varchar) as _source_file,
    cast(null as varchar) as _datehour

), profile_events as (
    select * from __dbt__cte__stg_connect__customer_profiles
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
  ) _dbt_internal_unit_test_actual
),
-- Build expected result
dbt_internal_unit_test_expected as (
  select
    "profile_id", "version_number", "valid_to", "is_current_version", "merged_into_profile_id", 'expected' as "actual_or_expected"
  from (
    select try_cast('B' as varchar) as "profile_id", try_cast(1 as bigint) as "version_number", try_cast('2026-11-02 10:00:00' as timestamp(6)) as "valid_to", try_cast(False as boolean) as "is_current_version", try_cast('A' as varchar) as "merged_into_profile_id"
union all
select try_cast('A' as varchar) as "profile_id", try_cast(2 as bigint) as "version_number", try_cast(null as timestamp(6)) as "valid_to", try_cast(True as boolean) as "is_current_version", try_cast(null as varchar) as "merged_into_profile_id"
union all
select try_cast('A' as varchar) as "profile_id", try_cast(1 as bigint) as "version_number", try_cast('2026-11-02 10:00:00' as timestamp(6)) as "valid_to", try_cast(False as boolean) as "is_current_version", try_cast(null as varchar) as "merged_into_profile_id"
  ) _dbt_internal_unit_test_expected
)
-- Union actual and expected results
select * from dbt_internal_unit_test_actual
union all
select * from dbt_internal_unit_test_expected