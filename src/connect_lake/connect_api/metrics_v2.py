"""GetMetricDataV2 requests planned within the API's limits, and their paginated results as flat rows.

Limits (botocore's service model and the API reference): FIFTEEN_MIN, THIRTY_MIN and HOUR intervals need
EndTime - StartTime under 3 days, DAY under 35 days; at most 100 values per filter, 5 filters, 4 groupings and 100
results a page; data is kept 3 months. A service-level threshold is per metric, so queues are asked for in groups
of one threshold each."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta

# the warehouse's interval length -> the API's interval period
INTERVAL_PERIODS = {15: "FIFTEEN_MIN", 30: "THIRTY_MIN", 60: "HOUR", 1440: "DAY"}
# a request spans at most this much (the API wants strictly less than 3 days, or 35 for DAY)
MAX_SPAN = {"FIFTEEN_MIN": timedelta(days=1), "THIRTY_MIN": timedelta(days=1), "HOUR": timedelta(days=1)}
MAX_FILTER_VALUES = 100
PAGE_SIZE = 100
# metrics that take the queue's service-level threshold X (Queue.Duration < X)
THRESHOLD_METRICS = frozenset({"SERVICE_LEVEL", "SUM_CONTACTS_ANSWERED_IN_X", "SUM_CONTACTS_ABANDONED_IN_X"})


@dataclass(frozen=True)
class Request:
    """One GetMetricDataV2 call (before pagination)."""

    start: datetime
    end: datetime
    period: str
    filter_key: str
    filter_values: tuple[str, ...]
    groupings: tuple[str, ...]
    metrics: tuple[str, ...]
    threshold_s: int | None = None

    def params(self, instance_arn: str) -> dict:
        metrics = []
        for name in self.metrics:
            metric: dict = {"Name": name}
            if name in THRESHOLD_METRICS:
                metric["Threshold"] = [{"Comparison": "LT", "ThresholdValue": float(self.threshold_s)}]
            metrics.append(metric)
        return {
            "ResourceArn": instance_arn,
            "StartTime": self.start,
            "EndTime": self.end,
            "Interval": {"TimeZone": "UTC", "IntervalPeriod": self.period},
            "Filters": [{"FilterKey": self.filter_key, "FilterValues": list(self.filter_values)}],
            "Groupings": list(self.groupings),
            "Metrics": metrics,
            "MaxResults": PAGE_SIZE,
        }


def windows(start: datetime, end: datetime, period: str) -> Iterator[tuple[datetime, datetime]]:
    """[start, end) cut into spans the API accepts for the period."""
    span = MAX_SPAN.get(period, timedelta(days=34))
    while start < end:
        stop = min(end, start + span)
        yield start, stop
        start = stop


def batches(values: Iterable[str], size: int = MAX_FILTER_VALUES) -> Iterator[tuple[str, ...]]:
    values = sorted(values)
    for first in range(0, len(values), size):
        yield tuple(values[first : first + size])


def plan(
    start: datetime,
    end: datetime,
    period: str,
    queue_thresholds: dict[str, int],
    agent_ids: Iterable[str],
    queue_metrics: tuple[str, ...],
    agent_metrics: tuple[str, ...],
) -> list[Request]:
    """Every request the reconciliation makes: per window, queues grouped by threshold (grouped by queue and
    channel), then agents (grouped by agent)."""
    by_threshold: dict[int, list[str]] = {}
    for queue_id, threshold in queue_thresholds.items():
        by_threshold.setdefault(threshold, []).append(queue_id)
    requests = []
    for window_start, window_end in windows(start, end, period):
        for threshold, queue_ids in sorted(by_threshold.items()):
            for ids in batches(queue_ids):
                requests.append(
                    Request(
                        window_start, window_end, period, "QUEUE", ids, ("QUEUE", "CHANNEL"), queue_metrics, threshold
                    )
                )
        for ids in batches(agent_ids):
            requests.append(Request(window_start, window_end, period, "AGENT", ids, ("AGENT",), agent_metrics))
    return requests


def fetch(client, instance_arn: str, request: Request) -> Iterator[dict]:
    """Every (dimensions, interval start, metric, value) the request returns, across its pages."""
    params = request.params(instance_arn)
    while True:
        page = client.get_metric_data_v2(**params)
        for result in page.get("MetricResults", []):
            interval_start = result["MetricInterval"]["StartTime"]
            for collection in result.get("Collections", []):
                yield {
                    "dimensions": result.get("Dimensions", {}),
                    "interval_start": interval_start,
                    "metric": collection["Metric"]["Name"],
                    "value": collection.get("Value"),
                }
        token = page.get("NextToken")
        if not token:
            return
        params = {**params, "NextToken": token}
