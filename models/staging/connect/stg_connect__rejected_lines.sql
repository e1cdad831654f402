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
),

{#- the original Contact Lens output holds PII and is often closed to this role: read it only when allowed #}
{%- if var('allow_original_transcripts', false) %}
contact_lens_analysis as (
    {{ connect_lake.rejected_lines(
        'contact_lens_analysis', source('connect', 'contact_lens_analysis__lines'), '$.CustomerMetadata.ContactId'
    ) }}
),
{% endif %}

contact_lens_analysis_redacted as (
    {{ connect_lake.rejected_lines(
        'contact_lens_analysis_redacted',
        source('connect', 'contact_lens_analysis_redacted__lines'),
        '$.CustomerMetadata.ContactId'
    ) }}
),

customer_profiles as (
    {{ connect_lake.rejected_lines(
        'customer_profiles', source('connect', 'customer_profiles__lines'), '$.EventId'
    ) }}
)

select * from contact_records
union all
select * from agent_events
union all
select * from contact_flow_logs
{%- if var('allow_original_transcripts', false) %}
union all
select * from contact_lens_analysis
{%- endif %}
union all
select * from contact_lens_analysis_redacted
union all
select * from customer_profiles
