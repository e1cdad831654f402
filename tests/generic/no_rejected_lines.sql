{#- Passes when a quarantine model is empty; meant with severity warn, so bad input is reported, never fatal. -#}
{% test no_rejected_lines(model) %}
    select * from {{ model }}
{% endtest %}
