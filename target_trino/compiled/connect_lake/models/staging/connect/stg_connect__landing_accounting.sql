
-- Every landed line accounted for, per raw source and landing folder: objects and bytes landed, objects that
-- could not be read, lines read, and what became of each line: a blank, a quarantined line (by reason), or a
-- staged record, which deduplication then kept, set aside for another copy (a duplicate, a superseded
-- re-delivery or re-analysis), or left to models that do not take it. lines_read = blank_lines +
-- lines_quarantined + records_staged, and records_staged = records_kept + records_superseded +
-- records_not_modelled. A run recounts the folders it read objects into and the folders whose records it
-- deduplicated again.
with
base_connect__contact_records__copies as (
    select
        _raw_source,
        _datehour,
        _source_file,
        _line_number,
        _object_size_bytes,
        _row_kind,
        quarantine_reason,
        _ingested_at,
        contact_id as staging_key
    from "iceberg"."connect_lake_staging"."base_connect__contact_records"
),

base_connect__contact_records__scoped as (
    select * from base_connect__contact_records__copies
),

base_connect__contact_records__accounted as (
    select
        scoped.*,
        case
            when scoped._row_kind <> 'record' then null
            when kept.contact_id is null then 'not_modelled'
            when
                kept._source_file = scoped._source_file
                and coalesce(kept._line_number, 0) = coalesce(scoped._line_number, 0)
                then 'kept'
            else 'superseded'
        end as dedup_outcome
    from base_connect__contact_records__scoped as scoped
    left join "iceberg"."connect_lake_staging"."stg_connect__contact_records" as kept on scoped.staging_key = kept.contact_id
),
base_connect__agent_events__copies as (
    select
        _raw_source,
        _datehour,
        _source_file,
        _line_number,
        _object_size_bytes,
        _row_kind,
        quarantine_reason,
        _ingested_at,
        event_id as staging_key
    from "iceberg"."connect_lake_staging"."base_connect__agent_events"
),

base_connect__agent_events__scoped as (
    select * from base_connect__agent_events__copies
),

base_connect__agent_events__accounted as (
    select
        scoped.*,
        case
            when scoped._row_kind <> 'record' then null
            when kept.event_id is null then 'not_modelled'
            when
                kept._source_file = scoped._source_file
                and coalesce(kept._line_number, 0) = coalesce(scoped._line_number, 0)
                then 'kept'
            else 'superseded'
        end as dedup_outcome
    from base_connect__agent_events__scoped as scoped
    left join "iceberg"."connect_lake_staging"."stg_connect__agent_events" as kept on scoped.staging_key = kept.event_id
),
base_connect__contact_flow_logs__copies as (
    select
        _raw_source,
        _datehour,
        _source_file,
        _line_number,
        _object_size_bytes,
        _row_kind,
        quarantine_reason,
        _ingested_at,
        flow_log_entry_id as staging_key
    from "iceberg"."connect_lake_staging"."base_connect__contact_flow_logs"
),

base_connect__contact_flow_logs__scoped as (
    select * from base_connect__contact_flow_logs__copies
),

base_connect__contact_flow_logs__accounted as (
    select
        scoped.*,
        case
            when scoped._row_kind <> 'record' then null
            when kept.flow_log_entry_id is null then 'not_modelled'
            when
                kept._source_file = scoped._source_file
                and coalesce(kept._line_number, 0) = coalesce(scoped._line_number, 0)
                then 'kept'
            else 'superseded'
        end as dedup_outcome
    from base_connect__contact_flow_logs__scoped as scoped
    left join "iceberg"."connect_lake_staging"."stg_connect__contact_flow_logs" as kept on scoped.staging_key = kept.flow_log_entry_id
),
base_connect__customer_profiles__copies as (
    select
        _raw_source,
        _datehour,
        _source_file,
        _line_number,
        _object_size_bytes,
        _row_kind,
        quarantine_reason,
        _ingested_at,
        event_id as staging_key
    from "iceberg"."connect_lake_staging"."base_connect__customer_profiles"
),

base_connect__customer_profiles__scoped as (
    select * from base_connect__customer_profiles__copies
),

base_connect__customer_profiles__accounted as (
    select
        scoped.*,
        case
            when scoped._row_kind <> 'record' then null
            when kept.event_id is null then 'not_modelled'
            when
                kept._source_file = scoped._source_file
                and coalesce(kept._line_number, 0) = coalesce(scoped._line_number, 0)
                then 'kept'
            else 'superseded'
        end as dedup_outcome
    from base_connect__customer_profiles__scoped as scoped
    left join "iceberg"."connect_lake_staging"."stg_connect__customer_profiles" as kept on scoped.staging_key = kept.event_id
),
base_connect__contact_lens_analyses__copies as (
    select
        _raw_source,
        _datehour,
        _source_file,
        _line_number,
        _object_size_bytes,
        _row_kind,
        quarantine_reason,
        _ingested_at,
        contact_id as staging_key
    from "iceberg"."connect_lake_staging"."base_connect__contact_lens_analyses"
),

base_connect__contact_lens_analyses__scoped as (
    select * from base_connect__contact_lens_analyses__copies
),

base_connect__contact_lens_analyses__accounted as (
    select
        scoped.*,
        case
            when scoped._row_kind <> 'record' then null
            when kept.contact_id is null then 'not_modelled'
            when
                kept._source_file = scoped._source_file
                and coalesce(kept._line_number, 0) = coalesce(scoped._line_number, 0)
                then 'kept'
            else 'superseded'
        end as dedup_outcome
    from base_connect__contact_lens_analyses__scoped as scoped
    left join "iceberg"."connect_lake_staging"."stg_connect__contact_analyses" as kept on scoped.staging_key = kept.contact_id
),

accounted as (
    select * from base_connect__contact_records__accounted
    union all
    select * from base_connect__agent_events__accounted
    union all
    select * from base_connect__contact_flow_logs__accounted
    union all
    select * from base_connect__customer_profiles__accounted
    union all
    select * from base_connect__contact_lens_analyses__accounted
),

objects as (
    select
        _raw_source,
        _datehour,
        _source_file,
        max(_object_size_bytes) as object_size_bytes,
        max(case when _row_kind = 'quarantined_object' then 1 else 0 end) as is_quarantined
    from accounted
    group by 1, 2, 3
),

object_counts as (
    select
        _raw_source,
        _datehour,
        count(*) as objects_landed,
        sum(is_quarantined) as objects_quarantined,
        sum(object_size_bytes) as bytes_landed
    from objects
    group by 1, 2
),

line_counts as (
    select
        _raw_source,
        _datehour,
        sum(case when _row_kind <> 'quarantined_object' then 1 else 0 end) as lines_read,
        sum(case when _row_kind = 'blank_line' then 1 else 0 end) as blank_lines,
        sum(case when _row_kind = 'quarantined_line' then 1 else 0 end) as lines_quarantined,
        sum(case when quarantine_reason like 'invalid_json%' then 1 else 0 end) as quarantined_invalid_json,
        sum(case when quarantine_reason like 'invalid_utf8%' then 1 else 0 end) as quarantined_invalid_utf8,
        sum(case when quarantine_reason like 'missing_field%' then 1 else 0 end) as quarantined_missing_field,
        sum(case when quarantine_reason like 'invalid_timestamp%' then 1 else 0 end) as quarantined_invalid_timestamp,
        sum(case when quarantine_reason like 'invalid_number%' then 1 else 0 end) as quarantined_invalid_number,
        sum(case when quarantine_reason like 'negative_duration%' then 1 else 0 end) as quarantined_negative_duration,
        sum(case when _row_kind = 'record' then 1 else 0 end) as records_staged,
        sum(case when dedup_outcome = 'kept' then 1 else 0 end) as records_kept,
        sum(case when dedup_outcome = 'superseded' then 1 else 0 end) as records_superseded,
        sum(case when dedup_outcome = 'not_modelled' then 1 else 0 end) as records_not_modelled,
        max(_ingested_at) as _ingested_at
    from accounted
    group by 1, 2
)

select
    line_counts._raw_source || '|' || coalesce(line_counts._datehour, '-')
        as landing_accounting_id,
    line_counts._raw_source as raw_source,
    line_counts._datehour as landing_folder,
    cast(object_counts.objects_landed as bigint) as objects_landed,
    cast(object_counts.objects_quarantined as bigint) as objects_quarantined,
    cast(object_counts.bytes_landed as bigint) as bytes_landed,
    cast(line_counts.lines_read as bigint) as lines_read,
    cast(line_counts.blank_lines as bigint) as blank_lines,
    cast(line_counts.lines_quarantined as bigint) as lines_quarantined,
    cast(line_counts.quarantined_invalid_json as bigint) as quarantined_invalid_json,
    cast(line_counts.quarantined_invalid_utf8 as bigint) as quarantined_invalid_utf8,
    cast(line_counts.quarantined_missing_field as bigint) as quarantined_missing_field,
    cast(line_counts.quarantined_invalid_timestamp as bigint) as quarantined_invalid_timestamp,
    cast(line_counts.quarantined_invalid_number as bigint) as quarantined_invalid_number,
    cast(line_counts.quarantined_negative_duration as bigint) as quarantined_negative_duration,
    cast(line_counts.records_staged as bigint) as records_staged,
    cast(line_counts.records_kept as bigint) as records_kept,
    cast(line_counts.records_superseded as bigint) as records_superseded,
    cast(line_counts.records_not_modelled as bigint) as records_not_modelled,
    line_counts._ingested_at
from line_counts
inner join object_counts
    on
        line_counts._raw_source = object_counts._raw_source
        and line_counts._datehour is not distinct from object_counts._datehour