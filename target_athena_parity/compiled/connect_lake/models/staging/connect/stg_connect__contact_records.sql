-- One row per contact leg: the newest delivered copy of each contact record. Connect delivers records at
-- least once and re-delivers them when they change, so the latest LastUpdateTimestamp wins; equal copies
-- are broken by the object they landed in, newest first, so the result does not depend on read order.
with copies as (
    select * from "awsdatacatalog"."connect_lake_staging"."base_connect__contact_records"
),

deduplicated as (
    select
        *,
        row_number() over (
            partition by contact_id
            order by last_updated_at desc, _source_file desc
        ) as delivery_rank,
        count(*) over (partition by contact_id) as deliveries
    from copies
)

select * from deduplicated
where delivery_rank = 1