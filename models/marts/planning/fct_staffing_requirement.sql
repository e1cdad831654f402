{{ config(partitioned_by=['month(forecast_date)']) }}
-- The agents each queue needs per interval of the forecast to meet its service-level target, by Erlang C:
-- traffic A = forecast contacts x forecast AHT / interval length (Erlangs); the probability a contact waits
-- with N agents is C(N, A) = (p_N N/(N-A)) / (P(k<N) + p_N N/(N-A)), with p_k the Poisson probabilities of A
-- (A^k/k! e^-A, through sums of logarithms: no factorial overflows, no engine-specific function); the service
-- level is 1 - C(N, A) e^(-(N-A) X / AHT). Required agents: the fewest N > A that reach the target (X and
-- target from the seed, via dim_queues; var default_service_level_target_pct when the seed has none); the
-- headcount to schedule adds shrinkage (var shrinkage_pct): ceil(N / (1 - shrinkage)). Erlang C assumes no
-- abandonment and exponential handle times: it errs on the safe side where customers abandon.
{%- set interval_s = var('interval_minutes') * 60 %}
with forecast as (
    select * from {{ ref('fct_demand_forecast') }}
),

queues as (
    select
        queue_name,
        max(service_level_threshold_s) as service_level_threshold_s,
        max(service_level_target_pct) as service_level_target_pct
    from {{ ref('dim_queues') }}
    where queue_type = 'STANDARD'
    group by 1
),

loads as (
    select
        forecast.demand_forecast_key,
        forecast.queue_name,
        forecast.channel,
        forecast.interval_start_at,
        forecast.forecast_date,
        forecast.forecast_contacts_offered,
        forecast.forecast_avg_handle_time_s,
        cast(queues.service_level_threshold_s as double) as service_level_threshold_s,
        cast(
            coalesce(queues.service_level_target_pct, {{ var('default_service_level_target_pct') }}) as double
        ) as service_level_target_pct,
        coalesce(forecast.forecast_contacts_offered * forecast.forecast_avg_handle_time_s, 0)
        / {{ interval_s }} as traffic_erlangs
    from forecast
    left join queues on forecast.queue_name = queues.queue_name
),

digits as (
    select 0 as d
    {%- for digit in range(1, 10) %}
    union all
    select {{ digit }}
    {%- endfor %}
),

agent_counts as (
    select hundreds.d * 100 + tens.d * 10 + ones.d as n
    from digits as hundreds
    cross join digits as tens
    cross join digits as ones
),

log_factorials as (
    select
        n,
        sum(ln(greatest(n, 1))) over (order by n rows between unbounded preceding and current row)
            as ln_factorial
    from agent_counts
),

-- p_k for k up to A + 10 sqrt(A) + 10: beyond it the service level is 1 to double precision
poisson_terms as (
    select
        loads.demand_forecast_key,
        loads.traffic_erlangs,
        loads.service_level_threshold_s,
        loads.service_level_target_pct,
        loads.forecast_avg_handle_time_s,
        log_factorials.n,
        exp(
            log_factorials.n * ln(loads.traffic_erlangs) - loads.traffic_erlangs - log_factorials.ln_factorial
        ) as p_n
    from loads
    inner join log_factorials
        on log_factorials.n <= floor(loads.traffic_erlangs + 10 * sqrt(loads.traffic_erlangs)) + 10
    where loads.traffic_erlangs > 0
),

cumulated as (
    select
        *,
        coalesce(
            sum(p_n) over (
                partition by demand_forecast_key order by n rows between unbounded preceding and 1 preceding
            ),
            0
        ) as p_below_n
    from poisson_terms
),

service_levels as (
    select
        demand_forecast_key,
        n as agents,
        traffic_erlangs,
        service_level_target_pct,
        (p_n * n / (n - traffic_erlangs)) / (p_below_n + p_n * n / (n - traffic_erlangs)) as wait_probability,
        1 - (p_n * n / (n - traffic_erlangs)) / (p_below_n + p_n * n / (n - traffic_erlangs))
        * exp(-(n - traffic_erlangs) * service_level_threshold_s / forecast_avg_handle_time_s)
            as service_level
    from cumulated
    where n > traffic_erlangs
),

ranked as (
    select
        *,
        row_number() over (partition by demand_forecast_key order by agents) as adequacy_rank
    from service_levels
    where service_level * 100 >= service_level_target_pct
),

final as (
    select
        loads.demand_forecast_key as staffing_requirement_key,
        loads.queue_name,
        loads.channel,
        loads.interval_start_at,
        loads.forecast_date,
        loads.forecast_contacts_offered,
        loads.forecast_avg_handle_time_s,
        loads.traffic_erlangs,
        loads.service_level_threshold_s,
        loads.service_level_target_pct,
        cast(coalesce(ranked.agents, 0) as bigint) as required_agents,
        case when loads.traffic_erlangs > 0 then 100 * ranked.service_level else 100.0 end
            as expected_service_level_pct,
        ranked.wait_probability,
        ranked.traffic_erlangs / nullif(ranked.agents, 0) as expected_occupancy,
        cast({{ var('shrinkage_pct') }} as double) as shrinkage_pct,
        cast(
            ceil(coalesce(ranked.agents, 0) / (1 - cast({{ var('shrinkage_pct') }} as double) / 100) - 1e-9)
            as bigint
        ) as required_headcount
    from loads
    left join ranked
        on loads.demand_forecast_key = ranked.demand_forecast_key and ranked.adequacy_rank = 1
)

select * from final
