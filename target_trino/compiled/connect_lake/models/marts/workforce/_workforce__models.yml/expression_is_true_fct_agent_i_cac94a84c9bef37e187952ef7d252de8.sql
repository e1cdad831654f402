
    select *
    from "iceberg"."connect_lake_marts"."fct_agent_intervals"
    where not (agent_idle_time_s + agent_on_contact_time_s <= online_time_s + 0.001 and online_time_s <= 15 * 60 + 0.001)
