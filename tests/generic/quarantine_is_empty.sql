{% test quarantine_is_empty(model) %}
    select
        raw_source,
        quarantine_reason,
        count(*) as quarantined
    from {{ model }}
    group by raw_source, quarantine_reason
{% endtest %}
