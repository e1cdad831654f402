"""The dashboard's numbers, read from the warehouse's marts. Every ratio is a sum over a sum over the rows of
the period and group shown, the rule the semantic layer's metrics follow, never an average of the marts'
stored per-interval percentages."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import duckdb

# headline tile -> (label, unit, SQL over the period; one value)
TILES: dict[str, tuple[str, str, str]] = {
    "contacts_queued": ("Contacts queued", "", "select sum(contacts_queued) from {marts}.fct_queue_intervals {period}"),
    "contacts_handled": (
        "Contacts handled",
        "",
        "select sum(contacts_handled) from {marts}.fct_queue_intervals {period}",
    ),
    "service_level_pct": (
        "Service level",
        "%",
        "select 100.0 * sum(contacts_removed_from_queue_in_x) / nullif(sum(contacts_queued), 0)"
        " from {marts}.fct_queue_intervals {period}",
    ),
    "avg_queue_answer_time_s": (
        "Average speed of answer",
        "s",
        "select cast(sum(sum_queue_answer_time_s) as double) / nullif(sum(contacts_answered), 0)"
        " from {marts}.fct_queue_intervals {period}",
    ),
    "avg_handle_time_s": (
        "Average handle time",
        "s",
        "select cast(sum(sum_handle_time_s) as double) / nullif(sum(contacts_handled), 0)"
        " from {marts}.fct_queue_intervals {period}",
    ),
    "abandonment_rate_pct": (
        "Abandonment rate",
        "%",
        "select 100.0 * sum(contacts_abandoned) / nullif(sum(contacts_queued), 0)"
        " from {marts}.fct_queue_intervals {period}",
    ),
    "occupancy_pct": (
        "Agent occupancy",
        "%",
        "select 100.0 * sum(agent_on_contact_time_s) / nullif(sum(agent_on_contact_time_s + agent_idle_time_s), 0)"
        " from {marts}.fct_agent_intervals {period}",
    ),
    "ivr_containment_pct": (
        "IVR containment",
        "%",
        "select 100.0 * sum(case when is_self_service_contained then 1 else 0 end) / nullif(count(*), 0)"
        " from {marts}.fct_ivr_paths {ivr_period} and entry_contact_flow_type = 'CONTACT_FLOW'",
    ),
    "first_contact_resolution_pct": (
        "First-contact resolution",
        "%",
        "select 100.0 * sum(case when is_first_contact_resolved then 1 else 0 end)"
        " / nullif(sum(case when is_handled then 1 else 0 end), 0) from {marts}.fct_contact_journeys {journey_period}",
    ),
    "repeat_contact_pct": (
        "Repeat-contact rate",
        "%",
        "select 100.0 * sum(case when has_repeat_contact then 1 else 0 end) / nullif(count(*), 0)"
        " from {marts}.fct_contact_journeys {journey_period}",
    ),
    "avg_customer_sentiment": (
        "Customer sentiment",
        "",
        "select sum(customer_sentiment_overall) / nullif(count(customer_sentiment_overall), 0)"
        " from {marts}.fct_contact_analysis {analysis_period}",
    ),
}

CHART_QUERIES: dict[str, str] = {
    # queue x hour of day over the period: the intraday shape of service level and ASA
    "intraday": """
        select queue_name, cast(extract(hour from interval_start_at) as integer) as hour_of_day,
               100.0 * sum(contacts_removed_from_queue_in_x) / nullif(sum(contacts_queued), 0) as service_level_pct,
               cast(sum(sum_queue_answer_time_s) as double) / nullif(sum(contacts_answered), 0) as asa_s
        from {marts}.fct_queue_intervals {period} and contacts_queued > 0
        group by 1, 2 order by 1, 2""",
    "daily_volume": """
        select interval_date as day, sum(contacts_queued) as queued, sum(contacts_handled) as handled,
               sum(contacts_abandoned) as abandoned,
               100.0 * sum(contacts_abandoned) / nullif(sum(contacts_queued), 0) as abandonment_rate_pct
        from {marts}.fct_queue_intervals {period} group by 1 order by 1""",
    "aht_by_channel": """
        select channel, cast(sum(sum_handle_time_s) as double) / nullif(sum(contacts_handled), 0) as aht_s,
               sum(contacts_handled) as handled
        from {marts}.fct_queue_intervals {period} group by 1 having sum(contacts_handled) > 0 order by 1""",
    "agent_time": """
        select agent_username, sum(agent_on_contact_time_s) / 3600 as on_contact_h,
               sum(agent_idle_time_s) / 3600 as idle_h, sum(non_productive_time_s) / 3600 as non_productive_h,
               100.0 * sum(agent_on_contact_time_s)
                   / nullif(sum(agent_on_contact_time_s + agent_idle_time_s), 0) as occupancy_pct
        from {marts}.fct_agent_intervals {period}
        group by 1 having sum(online_time_s) > 0 order by sum(online_time_s) desc limit 25""",
    "status_time": """
        select agent_username, agent_status_name, sum(duration_s) / 3600 as hours
        from {marts}.fct_agent_status_spans
        where status_date between {start} and {end} and agent_status_type <> 'OFFLINE' and duration_s is not null
        group by 1, 2 order by 1, 2""",
    "ivr_outcomes": """
        select ivr_outcome, count(*) as legs
        from {marts}.fct_ivr_paths {ivr_period} and entry_contact_flow_type = 'CONTACT_FLOW'
        group by 1 order by 2 desc""",
    "drop_blocks": """
        select coalesce(exit_contact_flow_name, '?') || ' / ' || coalesce(exit_module_type, '?') as block,
               count(*) as drops
        from {marts}.fct_ivr_paths {ivr_period} and is_dropped_in_flow
        group by 1 order by 2 desc, 1 limit 10""",
    "daily_experience": """
        select journey_date as day,
               100.0 * sum(case when has_repeat_contact then 1 else 0 end) / nullif(count(*), 0) as repeat_contact_pct,
               100.0 * sum(case when is_first_contact_resolved then 1 else 0 end)
                   / nullif(sum(case when is_handled then 1 else 0 end), 0) as first_contact_resolution_pct
        from {marts}.fct_contact_journeys {journey_period} group by 1 order by 1""",
    "daily_sentiment": """
        select cast(analysed_at as date) as day,
               sum(customer_sentiment_overall) / nullif(count(customer_sentiment_overall), 0) as customer,
               sum(agent_sentiment_overall) / nullif(count(agent_sentiment_overall), 0) as agent
        from {marts}.fct_contact_analysis {analysis_period} group by 1 order by 1""",
}


@dataclass
class DashboardData:
    start: date
    end: date
    tiles: dict[str, float | None] = field(default_factory=dict)
    charts: dict[str, list[dict]] = field(default_factory=dict)


def _rows(connection: duckdb.DuckDBPyConnection, sql: str) -> list[dict]:
    cursor = connection.execute(sql)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def load(warehouse: Path, marts_schema: str = "main_marts", start: date | None = None, end: date | None = None):
    """Every number of the dashboard for [start, end] (default: all the days the queue fact holds)."""
    if not warehouse.exists():
        raise FileNotFoundError(f"no warehouse at {warehouse}: run `make run` (or dbt build) first")
    connection = duckdb.connect(str(warehouse), read_only=True)
    try:
        first, last = connection.execute(
            f"select min(interval_date), max(interval_date) from {marts_schema}.fct_queue_intervals"
        ).fetchone()
        if first is None:
            raise ValueError(f"{marts_schema}.fct_queue_intervals is empty: nothing to show")
        start, end = start or first, end or last
        bounds = {"start": f"date '{start}'", "end": f"date '{end}'"}
        values = {
            "marts": marts_schema,
            **bounds,
            "period": "where interval_date between {start} and {end}".format(**bounds),
            "ivr_period": "where ivr_date between {start} and {end}".format(**bounds),
            "journey_period": "where journey_date between {start} and {end}".format(**bounds),
            "analysis_period": "where cast(analysed_at as date) between {start} and {end}".format(**bounds),
        }
        data = DashboardData(start=start, end=end)
        for name, (_, _, sql) in TILES.items():
            value = connection.execute(sql.format(**values)).fetchone()[0]
            data.tiles[name] = None if value is None else float(value)
        for name, sql in CHART_QUERIES.items():
            data.charts[name] = _rows(connection, sql.format(**values))
        return data
    finally:
        connection.close()
