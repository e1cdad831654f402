
-- The quarantine of the raw layer: every landed object that could not be read and every line or record that
-- could not be staged, with where it is and why. Built from the same pass that read the objects (the base
-- models), taking only what each run newly read, so it never reads the landing zone itself. One bad object
-- or record never stops a build; it shows up here, and a warn-severity test reports the counts by reason.
with
base_connect__contact_records as (
    select
        _raw_source as raw_source,
        _source_file as source_file,
        _datehour as landing_folder,
        _line_number as line_number,
        case when _row_kind = 'quarantined_object' then 'object' else 'line' end as quarantine_level,
        quarantine_reason,
        
  
    

    split_part(
        quarantine_reason,
        ':',
        1
        )


  
 as quarantine_reason_family,
        contact_id as record_key,
        line_excerpt,
        _object_size_bytes as object_size_bytes,
        _ingested_at
    from "iceberg"."connect_lake_staging"."base_connect__contact_records"
    where
        _row_kind in ('quarantined_line', 'quarantined_object')
        and true
),
base_connect__agent_events as (
    select
        _raw_source as raw_source,
        _source_file as source_file,
        _datehour as landing_folder,
        _line_number as line_number,
        case when _row_kind = 'quarantined_object' then 'object' else 'line' end as quarantine_level,
        quarantine_reason,
        
  
    

    split_part(
        quarantine_reason,
        ':',
        1
        )


  
 as quarantine_reason_family,
        event_id as record_key,
        line_excerpt,
        _object_size_bytes as object_size_bytes,
        _ingested_at
    from "iceberg"."connect_lake_staging"."base_connect__agent_events"
    where
        _row_kind in ('quarantined_line', 'quarantined_object')
        and true
),
base_connect__contact_flow_logs as (
    select
        _raw_source as raw_source,
        _source_file as source_file,
        _datehour as landing_folder,
        _line_number as line_number,
        case when _row_kind = 'quarantined_object' then 'object' else 'line' end as quarantine_level,
        quarantine_reason,
        
  
    

    split_part(
        quarantine_reason,
        ':',
        1
        )


  
 as quarantine_reason_family,
        contact_id as record_key,
        line_excerpt,
        _object_size_bytes as object_size_bytes,
        _ingested_at
    from "iceberg"."connect_lake_staging"."base_connect__contact_flow_logs"
    where
        _row_kind in ('quarantined_line', 'quarantined_object')
        and true
),
base_connect__customer_profiles as (
    select
        _raw_source as raw_source,
        _source_file as source_file,
        _datehour as landing_folder,
        _line_number as line_number,
        case when _row_kind = 'quarantined_object' then 'object' else 'line' end as quarantine_level,
        quarantine_reason,
        
  
    

    split_part(
        quarantine_reason,
        ':',
        1
        )


  
 as quarantine_reason_family,
        event_id as record_key,
        line_excerpt,
        _object_size_bytes as object_size_bytes,
        _ingested_at
    from "iceberg"."connect_lake_staging"."base_connect__customer_profiles"
    where
        _row_kind in ('quarantined_line', 'quarantined_object')
        and true
),
base_connect__contact_lens_analyses as (
    select
        _raw_source as raw_source,
        _source_file as source_file,
        _datehour as landing_folder,
        _line_number as line_number,
        case when _row_kind = 'quarantined_object' then 'object' else 'line' end as quarantine_level,
        quarantine_reason,
        
  
    

    split_part(
        quarantine_reason,
        ':',
        1
        )


  
 as quarantine_reason_family,
        contact_id as record_key,
        line_excerpt,
        _object_size_bytes as object_size_bytes,
        _ingested_at
    from "iceberg"."connect_lake_staging"."base_connect__contact_lens_analyses"
    where
        _row_kind in ('quarantined_line', 'quarantined_object')
        and true
),

quarantined as (
    select * from base_connect__contact_records
    union all
    select * from base_connect__agent_events
    union all
    select * from base_connect__contact_flow_logs
    union all
    select * from base_connect__customer_profiles
    union all
    select * from base_connect__contact_lens_analyses
)

-- Athena's and Trino's text readers give no line numbers: there a row of an object is told apart by its rank
-- among the object's quarantined rows (an object is read in one run, so the rank never changes)
select
    raw_source || '|' || source_file || '|' || coalesce(cast(line_number as varchar), '#' || cast(row_number() over (
            partition by raw_source, source_file order by quarantine_reason, line_excerpt
        ) as varchar)) as quarantine_id,
    *
from quarantined