-- Customers from Customer Profiles as a type 2 dimension: one row per profile version (each CREATED, UPDATED
-- or MERGED event), valid from the change until the next, the newest flagged current. Phone numbers and
-- e-mail addresses appear only as salted hash keys, the same hash as fct_contacts.customer_key, so a
-- contact finds its customer (as of the contact) without either side exposing the address.
with profile_versions as (
    select * from {{ ref('stg_connect__customer_profiles') }}
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

final as (
    select
        {{ dbt.hash(dbt.concat(['profile_id', "'|'", 'event_id'])) }} as customer_version_key,
        profile_id,
        account_number,
        cast(version_number as bigint) as version_number,
        changed_at as valid_from,
        next_changed_at as valid_to,
        next_changed_at is null as is_current_version,
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
        domain_name
    from sequenced
)

select * from final
