"""`connect-lake figures`: the figures of a built lake that the README quotes, as one Markdown table.

`make run` prints it at its end. The README's copy sits between the markers below, and `make test` holds it equal
to this command's output on a fresh `make run` lake (same seed, days and fault rates, read from the Makefile), so
what the README says the run gives is what the run gives. Every KPI is the semantic layer's metric (kpis.py);
the counts of what landed are the simulator's own (truth/summary.json)."""

from __future__ import annotations

import argparse
import json
from datetime import date
from pathlib import Path

import duckdb

from connect_lake.dashboard.kpis import CHANNELS, DashboardData, channel_metric, load
from connect_lake.warehouse_options import add_warehouse_options

START_MARKER = (
    "<!-- run-figures:start (connect-lake figures writes this table; make test holds it to a fresh make run) -->"
)
END_MARKER = "<!-- run-figures:end -->"
EXAMPLE_QUEUE = "Support"


def _pct(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.1f} %"


def _seconds(value: float | None) -> str:
    return "n/a" if value is None else f"{value:,.0f} s"


def _per_channel(data: DashboardData, column: str, text) -> str:
    return " / ".join(text(data.tiles[channel_metric(column, channel)]) for channel in CHANNELS)


def _days(days: list[date]) -> str:
    return ", ".join(f"{d:%a %d %b}" for d in days) or "none"


def example_queue_days(warehouse: Path, schema: str, data: DashboardData) -> tuple[list, list]:
    """The example queue's service level per day (the metric) and the mean of its stored interval percentages
    per day (the average an analyst must not take), for the README's warning."""
    connection = duckdb.connect(str(warehouse), read_only=True)
    try:
        averaged = connection.execute(
            f"select interval_date, avg(service_level_pct) from {schema}.fct_queue_intervals"
            f" where queue_name = '{EXAMPLE_QUEUE}' and contacts_queued > 0"
            f" and interval_date between date '{data.start}' and date '{data.end}' group by 1 order by 1"
        ).fetchall()
    finally:
        connection.close()
    by_day = {row["metric_time__day"].date(): row["service_level_pct"] for row in data.charts["example_queue"]}
    return [by_day.get(day) for day, _ in averaged], [mean for _, mean in averaged]


def table(warehouse: Path, semantic_manifest: Path, truth: Path, schema: str = "main_marts") -> str:
    data = load(warehouse, semantic_manifest, schema, example_queue=EXAMPLE_QUEUE)
    counts = json.loads((truth / "summary.json").read_text())["counts"]
    metric, averaged = example_queue_days(warehouse, schema, data)
    t = data.tiles
    rows = [
        ("days", f"{data.start} to {data.end}"),
        (
            "landed",
            f"{counts['contact_legs_delivered']:,} contact legs, {counts['agent_events']:,} agent events, "
            f"{counts['flow_log_entries']:,} flow-log entries, {counts['contact_lens_files']:,} Contact Lens files, "
            f"{counts['profile_events']:,} profile events, {counts['config_snapshot_objects']:,} configuration "
            f"snapshots, {counts['instance_metric_datapoints']:,} CloudWatch datapoints, "
            f"{counts['bot_turns']:,} chat-bot utterances, {counts['cloudtrail_events']:,} CloudTrail events; "
            f"{counts['malformed_lines']:,} malformed lines and "
            f"{counts['corrupt_objects']:,} corrupt objects injected",
        ),
        ("contacts queued / handled (every queue)", f"{t['contacts_queued']:,.0f} / {t['contacts_handled']:,.0f}"),
        ("service level, voice / chat / task", _per_channel(data, "service_level", _pct)),
        ("average speed of answer, voice / chat / task", _per_channel(data, "asa", _seconds)),
        ("average handle time, voice / chat / task", _per_channel(data, "aht", _seconds)),
        ("abandonment rate, voice / chat / task", _per_channel(data, "abandonment", _pct)),
        ("agent occupancy", _pct(t["occupancy_pct"])),
        ("IVR containment", _pct(t["ivr_containment_pct"])),
        (
            "first-contact resolution / repeat-contact rate",
            f"{_pct(t['first_contact_resolution_pct'])} / {_pct(t['repeat_contact_pct'])}",
        ),
        (
            "customer sentiment (-5 to 5)",
            "n/a" if t["avg_customer_sentiment"] is None else f"{t['avg_customer_sentiment']:.2f}",
        ),
        (
            f"{EXAMPLE_QUEUE} service level per day: the metric (sum over sum)",
            " / ".join(_pct(v) for v in metric),
        ),
        (
            f"{EXAMPLE_QUEUE}: the mean of the day's stored interval percentages (wrong)",
            " / ".join(_pct(v) for v in averaged),
        ),
        ("days whose repeat window is open (FCR, repeats not final)", _days(data.open_window_days)),
        ("days with contacts that may still be open", _days(data.open_queue_days)),
    ]
    lines = [START_MARKER, "| figure | value |", "|---|---|"]
    lines += [f"| {name} | {value} |" for name, value in rows]
    return "\n".join([*lines, END_MARKER])


def readme_block(readme: str) -> str:
    """The figures table as the README holds it, markers included."""
    start, end = readme.index(START_MARKER), readme.index(END_MARKER) + len(END_MARKER)
    return readme[start:end]


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "figures",
        help="print the figures of a built lake the README quotes (a Markdown table)",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add_warehouse_options(p)
    p.add_argument(
        "--semantic-manifest", type=Path, default=Path("target/semantic_manifest.json"), help="dbt's semantic manifest"
    )
    p.add_argument("--truth", type=Path, default=Path("data/truth"), help="the simulator's truth folder")
    p.set_defaults(func=_run)


def _run(args: argparse.Namespace) -> int:
    print(table(args.warehouse, args.semantic_manifest, args.truth, args.schema))
    return 0
