-- Customers from Customer Profiles as a type 2 dimension: one row per profile version (each CREATED, UPDATED
-- or MERGED event), valid from the change until the next, the newest flagged current. Phone numbers and
-- e-mail addresses appear only as salted hash keys, the same hash as fct_contacts.customer_key, so a
-- contact finds its customer (as of the contact) without either side exposing the address. A profile
-- merged into another (listed in a MERGED event's DuplicateProfiles) ends at the merge and points to the
-- profile that survived it.
{{
    config(
        materialized='incremental',
        incremental_strategy='append',
        pre_hook="{{ connect_lake.delete_rows_to_rebuild(
            'customer_version_key', connect_lake.changed_customer_profiles(), ['profile_id']
        ) }}",
    )
}}
with
{%- if is_incremental() %}
-- an incremental run rebuilds the profiles with new events and the profiles new merges ended
touched as (
    {{ connect_lake.changed_customer_profiles() }}
),

profile_events as (
    select * from {{ ref('stg_connect__customer_profile_events') }}
),

profile_versions as (
    select * from profile_events
    where profile_id in (select profile_id from touched)
),
{%- else %}
profile_events as (
    select * from {{ ref('stg_connect__customer_profile_events') }}
),

profile_versions as (
    select * from profile_events
),
{%- endif %}

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
        {{ connect_lake.surrogate_key(['profile_id', 'event_id'], hashed=true) }} as customer_version_key,
        profile_id,
        account_number,
        cast(version_number as bigint) as version_number,
        changed_at as valid_from_at,
        ends_at as valid_to_at,
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
        {{ connect_lake.ingested_at() }} as _ingested_at
    from merged
    where merged_at is null or changed_at < merged_at
)

select * from final
