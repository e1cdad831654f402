
  
    

    create table "iceberg"."connect_lake_staging"."base_connect__customer_profiles"
      comment 'Every line of every Customer Profiles object ever landed, read once (each run reads only the objects this table does not hold yet). A line that passes the record rules is a typed profile event (every object type; stg_connect__customer_profiles takes the standard `_profile`), with phone numbers and e-mail addresses only as salted hashes; the others keep their reason. Incremental (append).
'
      
    as (
      -- Every line of every Customer Profiles object ever landed, read once (each run reads only the objects this
-- table does not hold yet). An event that passes the record rules is typed here, phone numbers and e-mail
-- addresses only as salted hashes (the same as fct_contacts.customer_key); a line or object that cannot be
-- used keeps its reason for stg_connect__quarantine. stg_connect__customer_profiles keeps one copy per event.
with landed as (
    -- the lines are numbered by a window frame without order by, which DuckDB streams and sqlfluff cannot
    -- parse: hence the noqa
    
    with landed_lines as (
        
        select
            lines._source_file,
            lines._datehour,
            cast(null as bigint) as _line_number,
            lines._object_size_bytes,
            lines.line,
            from_utf8(to_utf8(lines.line)) = lines.line as is_valid_utf8,
            cast(null as varchar) as object_problem
        from "hive"."connect_raw"."customer_profiles" as lines
        where
            lines._datehour >= '0000/00/00/00'
            and lines._source_file not in (
                'local:///work/main/data/raw/customer_profiles/2026/11/02/11/acme-care-profiles-1-2026-11-02-11-15-52-23eb3ddb-440c-40af-b100-8868bb9826e8-copy.gz',
                'local:///work/main/data/raw/customer_profiles/2026/11/03/13/acme-care-profiles-1-2026-11-03-13-58-22-4c3ca2cd-9d39-45ef-a8ac-5687a93ae0d4-copy.gz'
            )
        union all
        -- objects the engine's reader cannot take (empty, not gzip, cut short) or out of place: one row each
        select
            checked._source_file,
            checked.landing_folder,
            cast(null as bigint),
            checked.size_bytes,
            cast(null as varchar),
            true,
            checked.problem
        from (
            select concat('local:///work/main/data/raw/', object_key) as _source_file, landing_folder, size_bytes, problem
            from "hive"."connect_raw"."landing_object_checks"
            where source = 'customer_profiles' and problem is not null
        ) as checked

    ),

    landed_units as (
        select * from landed_lines
    ),

    parsed as (
        select
            landed_units.*,
            case
                when object_problem is null and is_valid_utf8 and substr(trim(line), 1, 1) = '{'
                    then try(cast(json_parse(line) as row("schemaversion" varchar, "eventid" varchar, "eventtimestamp" varchar, "eventtype" varchar, "domainname" varchar, "objecttypename" varchar, "associatedprofileid" varchar, "profileobjectuniquekey" varchar, "object" row("profileid" varchar, "accountnumber" varchar, "partytype" varchar, "businessname" varchar, "firstname" varchar, "middlename" varchar, "lastname" varchar, "birthdate" varchar, "gender" varchar, "phonenumber" varchar, "mobilephonenumber" varchar, "homephonenumber" varchar, "businessphonenumber" varchar, "emailaddress" varchar, "personalemailaddress" varchar, "businessemailaddress" varchar, "address" row("address1" varchar, "city" varchar, "county" varchar, "state" varchar, "province" varchar, "country" varchar, "postalcode" varchar), "attributes" map(varchar, varchar), "profiletype" varchar), "mergeid" varchar, "duplicateprofiles" array(varchar), "ismessagerealtime" varchar)))
            end as payload
        from landed_units
    ),

    keyed as (
        select
            parsed.*,
            nullif(trim(payload.eventid), '') as record_key
        from parsed
    ),

    checked as (
        select
            keyed.*,
            case
                when object_problem is not null then object_problem
                when trim(coalesce(line, '')) = '' then null
                when not is_valid_utf8 then 'invalid_utf8'
                when payload is null then 'invalid_json'
                else case
        when record_key is null then 'missing_field:EventId'
        when nullif(trim(payload.eventtype), '') is null then 'missing_field:EventType'
        when nullif(trim(payload.eventtimestamp), '') is null then 'missing_field:EventTimestamp'
        when nullif(trim(payload.objecttypename), '') is null then 'missing_field:ObjectTypeName'
        when nullif(trim(payload.associatedprofileid), '') is null then 'missing_field:AssociatedProfileId'
        when payload.eventtimestamp is not null
            and not (regexp_like(payload.eventtimestamp, '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}([.][0-9]{1,9})?(Z|[+-][0-9]{2}:?[0-9]{2})$')
        and cast(try(from_iso8601_timestamp(payload.eventtimestamp)) at time zone 'UTC' as timestamp(6)) is not null)
            then 'invalid_timestamp:EventTimestamp'
        when payload.schemaversion is not null
            and not (regexp_like(payload.schemaversion, '^-?[0-9]+$') and try_cast(payload.schemaversion as integer) is not null)
            then 'invalid_number:SchemaVersion'
    end
            end as quarantine_reason
        from keyed
    )

    select
        'customer_profiles' as _raw_source,
        _source_file,
        _datehour,
        _line_number,
        _object_size_bytes,
        cast('2026-12-02 03:54:05.883060' as timestamp(6)) as _ingested_at,
        case
            when object_problem is not null then 'quarantined_object'
            when quarantine_reason is null and trim(coalesce(line, '')) = '' then 'blank_line'
            when quarantine_reason is not null then 'quarantined_line'
            else 'record'
        end as _row_kind,
        quarantine_reason,
        case when quarantine_reason is not null and object_problem is null then substr(line, 1, 500) end
            as line_excerpt,
        record_key,
        case when quarantine_reason is null then payload end as payload
    from checked  -- noqa
),

typed as (
    select
        _raw_source,
        _source_file,
        _datehour,
        _line_number,
        _object_size_bytes,
        _ingested_at,
        _row_kind,
        quarantine_reason,
        line_excerpt,

        record_key as event_id,
        payload.eventtype as event_type,
        cast(try(from_iso8601_timestamp(payload.eventtimestamp)) at time zone 'UTC' as timestamp(6)) as changed_at,
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
        lower(to_hex(sha256(to_utf8('connect-lake-demo-salt' || lower(trim(payload.object.phonenumber)))))) as phone_key,
        lower(to_hex(sha256(to_utf8('connect-lake-demo-salt' || lower(trim(payload.object.mobilephonenumber)))))) as mobile_phone_key,
        lower(to_hex(sha256(to_utf8('connect-lake-demo-salt' || lower(trim(payload.object.homephonenumber)))))) as home_phone_key,
        lower(to_hex(sha256(to_utf8('connect-lake-demo-salt' || lower(trim(payload.object.businessphonenumber)))))) as business_phone_key,
        lower(to_hex(sha256(to_utf8('connect-lake-demo-salt' || lower(trim(payload.object.emailaddress)))))) as email_key,
        lower(to_hex(sha256(to_utf8('connect-lake-demo-salt' || lower(trim(payload.object.personalemailaddress)))))) as personal_email_key,
        lower(to_hex(sha256(to_utf8('connect-lake-demo-salt' || lower(trim(payload.object.businessemailaddress)))))) as business_email_key,
        payload.object.address.city as city,
        payload.object.address.county as county,
        payload.object.address.state as state,
        payload.object.address.province as province,
        payload.object.address.postalcode as postal_code,
        payload.object.address.country as country,
        element_at(payload.object.attributes, 'tier') as customer_tier
    from landed
)

select * from typed
    );

  