{#- Passes when the quarantine holds nothing; otherwise returns one row per raw source and reason with its
    count, so the warning says what arrived broken. Meant with severity warn: bad input is reported, never
    fatal. -#}
{% test quarantine_is_empty(model) %}
    select
        raw_source,
        quarantine_reason,
        count(*) as quarantined
    from {{ model }}
    group by raw_source, quarantine_reason
{% endtest %}
