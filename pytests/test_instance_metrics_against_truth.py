"""The instance's CloudWatch metrics (the metric stream's datapoints, duplicates and broken lines on) hold
against the simulator's truth: every delivered datapoint once, the hourly rollup as CloudWatch rolls a period up,
and the semantic layer's peaks and counts by day, queue and contact flow."""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime

import pytest

from lakes import Lake, MetricFlow, Warehouse, read_csv, ts
from truths import INSTANCE_HEALTH_METRICS

# metric -> (CloudWatch metric, how the semantic layer aggregates it)
MEASURE_OF = {
    "peak_concurrent_calls": ("ConcurrentCalls", max),
    "peak_concurrent_calls_pct": ("ConcurrentCallsPercentage", max),
    "voice_calls_started": ("CallsPerInterval", sum),
    "peak_queue_size": ("QueueSize", max),
    "longest_queue_wait_s": ("LongestQueueWaitTime", max),
    "missed_calls": ("MissedCalls", sum),
    "contact_flow_errors": ("ContactFlowErrors", sum),
}
# a grouping of the semantic layer -> the truth's column it groups by
GROUPS = {
    "instance_metric_minute__queue_name": "queue_name",
    "instance_metric_minute__contact_flow_name": "contact_flow_name",
}


@pytest.fixture(scope="module")
def delivered(lake: Lake) -> list[dict[str, str]]:
    """The truth's datapoints that landed before the simulation stopped."""
    return [row for row in read_csv(lake.truth / "instance_metrics.csv") if row["delivered_at"]]


def key(metric: str, group: str, queue: str | None, flow: str | None, at: datetime) -> tuple:
    return (metric, group, queue or "", flow or "", at.replace(tzinfo=None))


def test_every_delivered_datapoint_is_one_minute_row(delivered, warehouse: Warehouse) -> None:
    expected = {
        key(r["metric_name"], r["metric_group"], r["queue_name"], r["contact_flow_name"], ts(r["minute_at"])): float(
            r["value"]
        )
        for r in delivered
    }
    assert {k[0] for k in expected} == {cloudwatch_metric for cloudwatch_metric, _ in MEASURE_OF.values()}
    rows = warehouse.query(
        "select metric_name, metric_group, queue_name, contact_flow_name, minute_at, maximum_value, minimum_value,"
        " sum_value, sample_count, average_value, unit from main_marts.fct_instance_metric_minutes"
    )
    actual = {key(*row[:5]): row[5:] for row in rows}
    assert len(actual) == len(rows)
    assert set(actual) == set(expected)
    wrong = [
        (k, v, expected[k])
        for k, v in actual.items()
        if v[:5] != (expected[k], expected[k], expected[k], 1.0, expected[k])
    ]
    assert not wrong, (len(wrong), wrong[:3])


def test_the_hourly_rollup_is_cloudwatchs(delivered, warehouse: Warehouse) -> None:
    """Per metric x dimensions x hour: the maximum of the maxima, the minimum of the minima, the sums."""
    hours: dict[tuple, list[float]] = defaultdict(list)
    for r in delivered:
        at = ts(r["minute_at"])
        hour = key(r["metric_name"], r["metric_group"], r["queue_name"], r["contact_flow_name"], at.replace(minute=0))
        hours[hour].append(float(r["value"]))
    rows = warehouse.query(
        "select metric_name, metric_group, queue_name, contact_flow_name, hour_at, maximum_value, minimum_value,"
        " sum_value, sample_count, minutes_reported from main_marts.fct_instance_metric_hours"
    )
    actual = {key(*row[:5]): row[5:] for row in rows}
    assert set(actual) == set(hours)
    wrong = [
        (k, actual[k], values)
        for k, values in hours.items()
        if actual[k][0] != max(values)
        or actual[k][1] != min(values)
        or abs(actual[k][2] - sum(values)) > 1e-6
        or actual[k][3] != len(values)
        or actual[k][4] != len(values)
    ]
    assert not wrong, (len(wrong), wrong[:3])


@pytest.mark.parametrize("by", [None, *GROUPS])
def test_instance_health_metrics_by_day_equal_the_truth(delivered, mf: MetricFlow, by: str | None) -> None:
    group = ("metric_time__day", by) if by else ("metric_time__day",)
    expected: dict[tuple, dict[str, float]] = defaultdict(dict)
    for metric, (cloudwatch_metric, aggregate) in MEASURE_OF.items():
        values: dict[tuple, list[float]] = defaultdict(list)
        for r in delivered:
            if r["metric_name"] == cloudwatch_metric:
                day = ts(r["minute_at"]).date().isoformat()
                values[(day, r[GROUPS[by]]) if by else (day,)].append(float(r["value"]))
        for k, v in values.items():
            expected[k][metric] = aggregate(v)
    rows = mf.query(INSTANCE_HEALTH_METRICS, group)
    actual = {(r["metric_time__day"][:10], r[by]) if by else (r["metric_time__day"][:10],): r for r in rows}
    assert set(actual) == set(expected)
    wrong = [
        (k, metric, got[metric], expected[k].get(metric))
        for k, got in actual.items()
        for metric in INSTANCE_HEALTH_METRICS
        if (float(got[metric]) if got[metric] != "" else None) != expected[k].get(metric)
    ]
    assert not wrong, (len(wrong), wrong[:5])
