
-- Fixture for queue_service_level_targets
select try_cast('Sales' as varchar) as "queue_name", try_cast('VOICE' as varchar) as "channel", try_cast(20 as integer) as "service_level_threshold_s", try_cast(80 as integer) as "service_level_target_pct"