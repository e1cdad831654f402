"""The dashboard's numbers. Every KPI, tile and chart alike, is asked of the semantic layer (MetricFlow's engine
over the project's semantic manifest, semantic_layer.py), so what the page shows is the metric an analyst gets
from `mf query` for the same days and groups, and each KPI's rule lives once, in the semantic models' YAML. Only
what is not a metric is plain SQL on the marts: the days the warehouse holds, which periods are not final yet
(the marts' is_complete_period and is_repeat_window_closed flags) and the hours spent in each agent status."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path

import duckdb

from connect_lake.dashboard.semantic_layer import SemanticLayer

CHANNELS = ("VOICE", "CHAT", "TASK")
# headline tile -> (label, unit): instance totals and rates, every queue (standard and agent queues) counted
TILES: dict[str, tuple[str, str]] = {
    "contacts_queued": ("Contacts queued", ""),
    "contacts_handled": ("Contacts handled", ""),
    "occupancy_pct": ("Agent occupancy", "%"),
    "ivr_containment_pct": ("IVR containment", "%"),
    "first_contact_resolution_pct": ("First-contact resolution", "%"),
    "repeat_contact_pct": ("Repeat-contact rate", "%"),
    "avg_customer_sentiment": ("Customer sentiment (-5 to 5)", ""),
}
# the instance's health from its CloudWatch metrics: tile -> (label, unit)
HEALTH_TILES: dict[str, tuple[str, str]] = {
    "peak_concurrent_calls": ("Peak concurrent calls", ""),
    "peak_concurrent_calls_pct": ("Peak concurrency, % of quota", "%"),
    "missed_calls": ("Calls missed by agents", ""),
    "contact_flow_errors": ("Flow error branches taken", ""),
}
# the tiles whose number is not final while a repeat window is open
WINDOWED_TILES = ("first_contact_resolution_pct", "repeat_contact_pct")
# per channel: column -> (label, unit, metric name pattern); voice and chat wait seconds, tasks hours, so a blend
# of the three would mislead (the channel is each metric's filter in the semantic layer)
CHANNEL_COLUMNS: dict[str, tuple[str, str, str]] = {
    "service_level": ("Service level", "%", "{channel}_service_level_pct"),
    "asa": ("Average speed of answer", "s", "{channel}_avg_queue_answer_time_s"),
    "aht": ("Average handle time", "s", "{channel}_avg_handle_time_s"),
    "abandonment": ("Abandonment rate", "%", "{channel}_abandonment_rate_pct"),
}
STANDARD_QUEUES = "{{ Dimension('queue_interval__queue_type') }} = 'STANDARD'"
REAL_TIME_CHANNELS = "{{ Dimension('queue_interval__channel') }} in ('VOICE', 'CHAT')"
INBOUND_FLOWS = "{{ Dimension('ivr_path__entry_contact_flow_type') }} = 'CONTACT_FLOW'"
TOP_AGENTS = 15


def channel_metric(column: str, channel: str) -> str:
    return CHANNEL_COLUMNS[column][2].format(channel=channel.lower())


@dataclass
class DashboardData:
    start: date
    end: date
    tiles: dict[str, float | None] = field(default_factory=dict)
    charts: dict[str, list[dict]] = field(default_factory=dict)
    # the days whose numbers are not final yet: queue intervals with contacts that may still be open, and
    # journeys whose repeat window has not closed
    open_queue_days: list[date] = field(default_factory=list)
    open_window_days: list[date] = field(default_factory=list)


def _rows(connection: duckdb.DuckDBPyConnection, sql: str) -> list[dict]:
    cursor = connection.execute(sql)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def _open_days(
    connection: duckdb.DuckDBPyConnection, marts_schema: str, start: date, end: date
) -> tuple[list[date], list[date]]:
    """The days of [start, end] whose counts may still grow (contacts of some channel may still be open), and
    those whose repeat windows are not all closed, from fct_data_completeness."""
    contacts_until, windows_until = connection.execute(
        "select min(contacts_final_until_at), min(repeat_windows_final_until_at)"
        f" from {marts_schema}.fct_data_completeness"
    ).fetchone()
    days = [start + timedelta(days=n) for n in range((end - start).days + 1)]

    def after(until: datetime | None) -> list[date]:
        return [d for d in days if until is None or datetime.combine(d + timedelta(days=1), time()) > until]

    return after(contacts_until), after(windows_until)


def load(
    warehouse: Path,
    semantic_manifest: Path,
    marts_schema: str = "main_marts",
    start: date | None = None,
    end: date | None = None,
    example_queue: str | None = None,
) -> DashboardData:
    """Every number of the dashboard for [start, end] (default: all the days the queue fact holds); with
    `example_queue`, that queue's service level per day too (the README's figures)."""
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
        layer = SemanticLayer(connection, semantic_manifest)
        data = DashboardData(start=start, end=end)
        per_channel = [channel_metric(column, c) for c in CHANNELS for column in CHANNEL_COLUMNS]
        data.tiles = layer.totals([*TILES, *per_channel], start, end)
        data.tiles |= layer.totals(list(HEALTH_TILES), start, end)

        def ask(metrics: tuple[str, ...], group_by: tuple[str, ...], *where: str) -> list[dict]:
            return layer.query(metrics, start, end, group_by, where)

        c = data.charts
        c["channel_volume"] = ask(("contacts_queued",), ("queue_interval__channel",))
        c["intraday_service_level"] = ask(
            ("service_level_pct", "contacts_queued"),
            ("queue_interval__queue_name", "queue_interval__hour_of_day"),
            STANDARD_QUEUES,
        )
        c["intraday_asa"] = ask(
            ("avg_queue_answer_time_s", "contacts_answered"),
            ("queue_interval__queue_name", "queue_interval__hour_of_day"),
            STANDARD_QUEUES,
            REAL_TIME_CHANNELS,
        )
        c["daily_volume"] = ask(
            ("contacts_queued", "contacts_handled", "contacts_abandoned", "abandonment_rate_pct"),
            ("metric_time__day",),
        )
        c["handle_time"] = ask(("avg_handle_time_s", "contacts_handled"), ("queue_interval__channel",))
        c["agents"] = ask(
            ("online_time_s", "agent_on_contact_time_s", "agent_idle_time_s", "non_productive_time_s", "occupancy_pct"),
            ("agent_version__agent_username",),
        )
        c["ivr_outcomes"] = ask(("ivr_entries",), ("ivr_path__ivr_outcome",), INBOUND_FLOWS)
        c["drop_blocks"] = ask(
            ("ivr_dropped",), ("ivr_path__exit_contact_flow_name", "ivr_path__exit_module_type"), INBOUND_FLOWS
        )
        c["daily_experience"] = ask(("first_contact_resolution_pct", "repeat_contact_pct"), ("metric_time__day",))
        c["daily_sentiment"] = ask(("avg_customer_sentiment", "analysed_contacts"), ("metric_time__day",))
        c["instance_health"] = ask(
            ("peak_concurrent_calls_pct", "peak_concurrent_calls", "missed_calls", "contact_flow_errors"),
            ("metric_time__hour",),
        )
        if example_queue:
            c["example_queue"] = ask(
                ("service_level_pct",),
                ("metric_time__day",),
                f"{{{{ Dimension('queue_interval__queue_name') }}}} = '{example_queue}'",
            )
        # not a KPI: hours in each status, summed
        c["status_time"] = _rows(
            connection,
            f"""
            select agent_username, agent_status_name, sum(duration_s) / 3600 as hours
            from {marts_schema}.fct_agent_status_spans
            where status_date between date '{start}' and date '{end}'
                and agent_status_type <> 'OFFLINE' and duration_s is not null
            group by 1, 2 order by 1, 2""",
        )
        # a day is final once its last moment lies at or before the marts' final-until times (every channel's)
        data.open_queue_days, data.open_window_days = _open_days(connection, marts_schema, start, end)
        return data
    finally:
        connection.close()
