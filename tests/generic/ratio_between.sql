{% test ratio_between(model, columns, low, high) %}
    select *
    from {{ model }}
    where
    {%- for column in columns %}
        ({{ column }} < {{ low }} or {{ column }} > {{ high }}){{ ' or' if not loop.last }}
    {%- endfor %}
{% endtest %}
