"""`connect-lake reconcile`: the warehouse's queue and agent intervals against Amazon Connect's own numbers
(GetMetricDataV2), metric by metric: intervals compared, equal, different, the largest difference; non-zero exit
when a metric differs beyond its tolerance in more than the allowed share of intervals.

What is compared, and where the definitions differ (README, "Reconcile with Connect"):
- Connect counts a contact in the interval it *disconnected* (CONTACTS_HANDLED, ..., the averages); the warehouse
  in the interval it was *enqueued* (or initiated). A contact crossing an interval boundary lands in neighbouring
  intervals; at DAY (`--interval-minutes 1440`) nearly all of them agree.
- AVG_HOLD_TIME averages over contacts put on hold; the warehouse's hold figure is over all handled contacts
  (AVG_HOLD_TIME_ALL_CONTACTS), so it is not compared.
- SUM_IDLE_TIME_AGENT: Connect's 2023 docs excluded ring time, the current ones include it, as the warehouse does."""

from __future__ import annotations

import argparse
import json
from dataclasses import asdict, dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from connect_lake.connect_api import metrics_v2
from connect_lake.warehouse_options import add_warehouse_options

# API metric -> (warehouse expression over the interval row, tolerance: the largest difference still equal)
QUEUE_METRICS: dict[str, tuple[str, float]] = {
    "CONTACTS_QUEUED": ("contacts_queued", 0),
    "CONTACTS_HANDLED": ("contacts_handled", 0),
    "CONTACTS_ABANDONED": ("contacts_abandoned", 0),
    "SUM_CONTACTS_ANSWERED_IN_X": ("contacts_answered_in_x", 0),
    "SUM_CONTACTS_ABANDONED_IN_X": ("contacts_abandoned_in_x", 0),
    "SERVICE_LEVEL": ("service_level_pct", 0.01),
    "ABANDONMENT_RATE": ("abandonment_rate_pct", 0.01),
    "AVG_QUEUE_ANSWER_TIME": ("avg_queue_answer_time_s", 1.0),
    "AVG_HANDLE_TIME": ("avg_handle_time_s", 1.0),
    "AVG_AFTER_CONTACT_WORK_TIME": ("avg_after_contact_work_time_s", 1.0),
    "MAX_QUEUED_TIME": ("max_queued_time_s", 1.0),
}
AGENT_METRICS: dict[str, tuple[str, float]] = {
    "SUM_ONLINE_TIME_AGENT": ("online_time_s", 2.0),
    "SUM_IDLE_TIME_AGENT": ("agent_idle_time_s", 2.0),
    "SUM_CONTACT_TIME_AGENT": ("agent_on_contact_time_s", 2.0),
    "SUM_NON_PRODUCTIVE_TIME_AGENT": ("non_productive_time_s", 2.0),
    "AGENT_OCCUPANCY": ("occupancy_pct", 0.5),
    "AGENT_NON_RESPONSE": ("agent_non_response_count", 0),
}
NOT_COMPARED = {
    "AVG_HOLD_TIME": "Connect averages over contacts put on hold; the warehouse over all handled contacts",
    "CONTACTS_TRANSFERRED_OUT": "Connect counts at the transferring agent's disconnect; needs agent-level grouping",
}


@dataclass
class MetricReport:
    metric: str
    column: str
    intervals_compared: int = 0
    equal: int = 0
    different: int = 0
    largest_difference: float = 0.0  # over every interval compared, within the tolerance or not
    example: str = ""  # the first interval that differs beyond the tolerance


def _warehouse_rows(warehouse: Path, schema: str, start: datetime, end: datetime, minutes: int):
    import duckdb

    connection = duckdb.connect(str(warehouse), read_only=True)
    bucket = f"time_bucket(interval '{minutes} minutes', interval_start_at)"

    def window(column: str) -> str:
        return f"{column} >= timestamp '{start:%Y-%m-%d %H:%M:%S}' and {column} < timestamp '{end:%Y-%m-%d %H:%M:%S}'"

    try:
        queues = dict(
            connection.execute(
                f"select queue_id, service_level_threshold_s from {schema}.dim_queues where queue_type = 'STANDARD'"
            ).fetchall()
        )
        queue_sql = ", ".join(f"{expression} as {name}" for name, (expression, _) in QUEUE_METRICS.items())
        queue_rows = connection.execute(
            f"""
            with rolled as (
                select f.queue_id, f.channel, {bucket} as interval_start_at,
                       sum(contacts_queued) as contacts_queued, sum(contacts_handled) as contacts_handled,
                       sum(contacts_answered) as contacts_answered, sum(contacts_abandoned) as contacts_abandoned,
                       sum(contacts_answered_in_x) as contacts_answered_in_x,
                       sum(contacts_abandoned_in_x) as contacts_abandoned_in_x,
                       sum(contacts_removed_from_queue_in_x) as contacts_removed_from_queue_in_x,
                       sum(sum_queue_answer_time_s) as sum_queue_answer_time_s,
                       sum(sum_handle_time_s) as sum_handle_time_s,
                       sum(sum_after_contact_work_time_s) as sum_after_contact_work_time_s,
                       max(max_queued_time_s) as max_queued_time_s
                from {schema}.fct_queue_intervals as f
                where f.queue_type = 'STANDARD' and {window("f.interval_start_at")}
                group by 1, 2, 3
            ),
            rates as (
                select *,
                       100 * cast(contacts_removed_from_queue_in_x as double) / nullif(contacts_queued, 0)
                           as service_level_pct,
                       100 * cast(contacts_abandoned as double) / nullif(contacts_queued, 0) as abandonment_rate_pct,
                       cast(sum_queue_answer_time_s as double) / nullif(contacts_answered, 0)
                           as avg_queue_answer_time_s,
                       cast(sum_handle_time_s as double) / nullif(contacts_handled, 0) as avg_handle_time_s,
                       cast(sum_after_contact_work_time_s as double) / nullif(contacts_handled, 0)
                           as avg_after_contact_work_time_s
                from rolled
            )
            select queue_id, channel, interval_start_at, {queue_sql} from rates
            """
        ).fetchall()
        agent_sql = ", ".join(
            f"{_agent_aggregate(name, column)} as {name}" for name, (column, _) in AGENT_METRICS.items()
        )
        agent_rows = connection.execute(
            f"select agent_id, {bucket} as interval_start_at, {agent_sql} from {schema}.fct_agent_intervals"
            f" where {window('interval_start_at')} group by 1, 2"
        ).fetchall()
        agents = [r[0] for r in connection.execute(f"select distinct agent_id from {schema}.dim_agents").fetchall()]
    finally:
        connection.close()
    queue_values = {}
    for queue_id, channel, interval_start, *values in queue_rows:
        for name, value in zip(QUEUE_METRICS, values, strict=True):
            queue_values[(name, ("QUEUE", queue_id, channel), interval_start)] = value
    agent_values = {}
    for agent_id, interval_start, *values in agent_rows:
        for name, value in zip(AGENT_METRICS, values, strict=True):
            agent_values[(name, ("AGENT", agent_id), interval_start)] = value
    return queues, agents, {**queue_values, **agent_values}


def _agent_aggregate(name: str, column: str) -> str:
    if name == "AGENT_OCCUPANCY":
        # a ratio: the intervals' seconds are summed first, then divided
        return "100 * sum(agent_on_contact_time_s) / nullif(sum(agent_on_contact_time_s) + sum(agent_idle_time_s), 0)"
    return f"sum({column})"


def _resource_id(value: str) -> str:
    """A dimension value as an id (the API may give an ARN)."""
    return value.rsplit("/", 1)[-1]


def _api_values(client, instance_arn: str, requests) -> dict:
    values = {}
    for request in requests:
        for row in metrics_v2.fetch(client, instance_arn, request):
            dims = row["dimensions"]
            key = (
                ("QUEUE", _resource_id(dims["QUEUE"]), dims.get("CHANNEL"))
                if "QUEUE" in dims
                else ("AGENT", _resource_id(dims["AGENT"]))
            )
            start = row["interval_start"].astimezone(UTC).replace(tzinfo=None)
            values[(row["metric"], key, start)] = row["value"]
    return values


def compare(api: dict, warehouse: dict) -> list[MetricReport]:
    """Per metric, every interval either side has: a value missing on one side is 0 there (Connect returns no
    result for an interval without data; the warehouse no row), and equal means within the metric's tolerance."""
    tolerances = {**QUEUE_METRICS, **AGENT_METRICS}
    reports = {name: MetricReport(name, column) for name, (column, _) in tolerances.items()}
    for key in sorted(set(api) | set(warehouse), key=str):
        name = key[0]
        if name not in reports:
            continue
        ours, theirs = warehouse.get(key), api.get(key)
        difference = abs(float(ours or 0) - float(theirs or 0))
        report = reports[name]
        report.intervals_compared += 1
        report.largest_difference = max(report.largest_difference, difference)
        if difference <= tolerances[name][1]:
            report.equal += 1
            continue
        report.different += 1
        report.example = report.example or f"{key[1]} {key[2]:%Y-%m-%d %H:%M}: warehouse {ours}, Connect {theirs}"
    return list(reports.values())


def reconcile(client, instance_arn: str, warehouse: Path, schema: str, start: datetime, end: datetime, minutes: int):
    period = metrics_v2.INTERVAL_PERIODS[minutes]
    queues, agents, ours = _warehouse_rows(warehouse, schema, start, end, minutes)
    requests = metrics_v2.plan(start, end, period, queues, agents, tuple(QUEUE_METRICS), tuple(AGENT_METRICS))
    theirs = _api_values(client, instance_arn, requests)
    return compare(theirs, ours), len(requests)


def failing(reports: list[MetricReport], max_different_share: float) -> list[str]:
    return [
        r.metric for r in reports if r.intervals_compared and r.different / r.intervals_compared > max_different_share
    ]


def table(reports: list[MetricReport]) -> str:
    lines = [f"{'metric':32} {'column':34} {'compared':>9} {'equal':>7} {'different':>9} {'largest diff':>12}"]
    for r in reports:
        lines.append(
            f"{r.metric:32} {r.column[:34]:34} {r.intervals_compared:>9} {r.equal:>7} {r.different:>9}"
            f" {r.largest_difference:>12.3f}"
        )
    lines += [f"not compared: {name} ({why})" for name, why in NOT_COMPARED.items()]
    return "\n".join(lines)


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "reconcile",
        help="compare the warehouse's queue and agent intervals with Amazon Connect's GetMetricDataV2",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("--instance-id", required=True, help="the Amazon Connect instance id (or its ARN)")
    p.add_argument("--start", type=date.fromisoformat, required=True, help="first day (UTC), YYYY-MM-DD")
    p.add_argument("--end", type=date.fromisoformat, required=True, help="last day (UTC), YYYY-MM-DD, included")
    p.add_argument("--interval-minutes", type=int, default=15, choices=sorted(metrics_v2.INTERVAL_PERIODS))
    add_warehouse_options(p)
    p.add_argument("--out", type=Path, default=Path("target/reconcile.json"), help="the report as JSON")
    p.add_argument(
        "--max-different-share",
        type=float,
        default=0.0,
        help="fail when a metric differs beyond its tolerance in more than this share of intervals",
    )
    p.add_argument("--region", default=None, help="AWS region (default: the standard AWS chain)")
    p.set_defaults(func=_run)


def client_for(region: str | None):
    import boto3
    from botocore.config import Config

    # GetMetricDataV2 is throttled per account: standard retries back off and retry the throttles
    return boto3.client("connect", region_name=region, config=Config(retries={"mode": "adaptive", "max_attempts": 10}))


def instance_arn_for(client, instance_id: str) -> str:
    if instance_id.startswith("arn:"):
        return instance_id
    return client.describe_instance(InstanceId=instance_id)["Instance"]["Arn"]


def _run(args: argparse.Namespace, client=None) -> int:
    if args.end < args.start:
        raise SystemExit("--end is before --start")
    if (datetime.now(UTC).date() - args.start).days > 90:
        raise SystemExit("GetMetricDataV2 keeps 3 months of data: --start is older than that")
    client = client or client_for(args.region)
    arn = instance_arn_for(client, args.instance_id)
    start = datetime.combine(args.start, datetime.min.time())
    end = datetime.combine(args.end + timedelta(days=1), datetime.min.time())
    reports, calls = reconcile(client, arn, args.warehouse, args.schema, start, end, args.interval_minutes)
    print(table(reports))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    bad = failing(reports, args.max_different_share)
    args.out.write_text(
        json.dumps(
            {
                "instance_arn": arn,
                "start": str(args.start),
                "end": str(args.end),
                "interval_minutes": args.interval_minutes,
                "requests": calls,
                "metrics": [asdict(r) for r in reports],
                "not_compared": NOT_COMPARED,
                "failing": bad,
            },
            indent=2,
        )
    )
    print(f"{calls} GetMetricDataV2 requests; report: {args.out}")
    if bad:
        print(f"differ beyond tolerance: {', '.join(bad)}")
        return 1
    return 0
