
  
    create table
    "iceberg"."connect_lake_marts"."fct_agent_status_spans__dbt_tmp"
    
  (
    agent_status_span_id varchar,
    agent_arn varchar,
    agent_id varchar,
    agent_version_key varchar,
    agent_username varchar,
    routing_profile_name varchar,
    session_started_at timestamp,
    agent_status_arn varchar,
    agent_status_name varchar,
    agent_status_type varchar,
    is_custom_status boolean,
    started_at timestamp,
    ended_at timestamp,
    status_date date,
    duration_s double,
    online_time_s double,
    non_productive_time_s double,
    is_open boolean,
    _ingested_at timestamp
    
    )

    
    comment 'One row per span an agent spent in one selected status while logged in (sessionized from the agent event stream), with the agent''s configuration at the time. Custom statuses are broken out here as non-productive time. The selected status is not the activity: see fct_agent_intervals.
'
    
    with (
        format = 'PARQUET',
        partitioning = array['month(status_date)']
    )
  ;

  insert into "iceberg"."connect_lake_marts"."fct_agent_status_spans__dbt_tmp"
    (
      
    select agent_status_span_id, agent_arn, agent_id, agent_version_key, agent_username, routing_profile_name, session_started_at, agent_status_arn, agent_status_name, agent_status_type, is_custom_status, started_at, ended_at, status_date, duration_s, online_time_s, non_productive_time_s, is_open, _ingested_at
    from (
        
-- One row per span an agent spent in one selected status while logged in, with the agent's configuration
-- at the time. Custom statuses (Break, Lunch, Training, ...) are non-productive time; the selected status is
-- not the activity (an agent stays Available while on a call): the activity is in fct_agent_intervals. An
-- incremental run rebuilds each agent with new events or a changed configuration version from its reopen
-- point.
with
spans as (
    select * from "iceberg"."connect_lake_intermediate"."int_agent_status_spans__sessionized"
),

agents as (
    select * from "iceberg"."connect_lake_marts"."dim_agents"
),

final as (
    select
        spans.agent_status_span_id,
        spans.agent_arn,
        spans.agent_id,
        agents.agent_version_key,
        agents.agent_username,
        agents.routing_profile_name,
        spans.session_started_at,
        spans.agent_status_arn,
        spans.agent_status_name,
        spans.agent_status_type,
        spans.agent_status_type = 'CUSTOM' as is_custom_status,
        spans.started_at,
        spans.ended_at,
        cast(spans.started_at as date) as status_date,
        (cast((cast(round(to_unixtime(spans.ended_at) * 1000) as bigint) - cast(round(to_unixtime(spans.started_at) * 1000) as bigint)) as double) / 1000) as duration_s,
        case
            when spans.agent_status_type <> 'OFFLINE'
                then (cast((cast(round(to_unixtime(spans.ended_at) * 1000) as bigint) - cast(round(to_unixtime(spans.started_at) * 1000) as bigint)) as double) / 1000)
            else 0
        end as online_time_s,
        case
            when spans.agent_status_type = 'CUSTOM'
                then (cast((cast(round(to_unixtime(spans.ended_at) * 1000) as bigint) - cast(round(to_unixtime(spans.started_at) * 1000) as bigint)) as double) / 1000)
            else 0
        end as non_productive_time_s,
        spans.is_open,
        cast('2026-12-02 03:54:05.883060' as timestamp(6)) as _ingested_at
    from spans
    left join agents
        on agents.agent_arn = spans.agent_arn
    and (spans.started_at >= agents.valid_from or agents.version_number = 1)
    and (agents.valid_to is null or spans.started_at < agents.valid_to)
)

select * from final
    ) as model_subq
    )
  ;

  