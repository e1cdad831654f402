-- One row per day from 2020-01-01 for 10,000 days: a calendar both engines build the same way.
with digits as (
    select 0 as d
    union all
    select 1
    union all
    select 2
    union all
    select 3
    union all
    select 4
    union all
    select 5
    union all
    select 6
    union all
    select 7
    union all
    select 8
    union all
    select 9
),

offsets as (
    select thousands.d * 1000 + hundreds.d * 100 + tens.d * 10 + ones.d as day_offset
    from digits as thousands
    cross join digits as hundreds
    cross join digits as tens
    cross join digits as ones
),

days as (
    select cast(date_add('day', day_offset, date '2020-01-01') as date) as date_day
    from offsets
),

final as (
    select
        date_day,
        cast(extract(year from date_day) as bigint) as year_number,
        cast(extract(quarter from date_day) as bigint) as quarter_number,
        cast(extract(month from date_day) as bigint) as month_number,
        cast(extract(day from date_day) as bigint) as day_of_month,
        cast(day_of_week(date_day) as bigint) as iso_day_of_week,
        case cast(extract(month from date_day) as bigint)
            when 1 then 'January' when 2 then 'February' when 3 then 'March' when 4 then 'April'
            when 5 then 'May' when 6 then 'June' when 7 then 'July' when 8 then 'August'
            when 9 then 'September' when 10 then 'October' when 11 then 'November' else 'December'
        end as month_name,
        day_of_week(date_day) in (6, 7) as is_weekend
    from days
)

select * from final