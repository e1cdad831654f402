-- Every landed line that is not a usable record, with where it was and why: the quarantine of the raw
-- layer. One bad line never stops a build; it shows up here and in the warn-severity test on this model.
with contact_records as (
    {{ connect_lake.rejected_lines(
        'contact_records', source('connect', 'contact_records__lines'), '$.ContactId'
    ) }}
),

agent_events as (
    {{ connect_lake.rejected_lines(
        'agent_events', source('connect', 'agent_events__lines'), '$.EventId'
    ) }}
),

contact_flow_logs as (
    {{ connect_lake.rejected_lines(
        'contact_flow_logs', source('connect', 'contact_flow_logs__lines'), '$.ContactId'
    ) }}
)

select * from contact_records
union all
select * from agent_events
union all
select * from contact_flow_logs
