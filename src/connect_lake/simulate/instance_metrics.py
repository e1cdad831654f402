"""The instance's CloudWatch metrics (namespace AWS/Connect), as a CloudWatch metric stream lands them in S3.

Connect publishes instance metrics to CloudWatch once a minute, and CloudWatch keeps them two weeks; a metric
stream (JSON output format) sends every datapoint through Firehose to S3, one JSON object per line:
`{"metric_stream_name", "account_id", "region", "namespace", "metric_name", "dimensions": {...},
"timestamp": <epoch ms>, "value": {"max", "min", "sum", "count"}, "unit"}` [CloudWatch metric stream output in
JSON format]. The metrics and dimensions are Connect's [Monitoring your instance using CloudWatch]:
- MetricGroup VoiceCalls (dimensions InstanceId, MetricGroup): ConcurrentCalls, ConcurrentCallsPercentage
  (of the instance's concurrent-calls quota), CallsPerInterval, and MissedCalls (voice calls offered to an agent
  who did not answer) for the minutes that had one;
- MetricGroup Queue (InstanceId, MetricGroup, QueueName): QueueSize, LongestQueueWaitTime (seconds), for the
  minutes a standard queue held a contact;
- MetricGroup ContactFlow (InstanceId, MetricGroup, ContactFlowName): ContactFlowErrors (the times a flow took
  a block's error branch: here a Lambda invocation that failed), for the minutes that had one.
The simulated instance is never throttled and uploads no recordings, so ThrottledCalls, CallsBreachingConcurrencyQuota
and CallRecordingUploadError are never published (CloudWatch publishes a count only for a minute that has one).

The values are computed from the simulated calls once the simulation ends, which is also their truth:
ConcurrentCalls is the most voice legs connected at once during the minute, CallsPerInterval the voice legs
that began in it, QueueSize the most contacts waiting in the queue at once, LongestQueueWaitTime the longest
any of them had waited by the minute's end (or its dequeue). Each minute's datapoint is one sample (count 1),
delivered one to three minutes after the minute, and at least once: a small share is delivered twice.
"""

from __future__ import annotations

import csv
import random
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import orjson

from connect_lake.landing.firehose import FirehoseStream
from connect_lake.simulate import catalog
from connect_lake.simulate.legs import Leg
from connect_lake.simulate.timefmt import iso_seconds

METRIC_STREAM_NAME = "acme-care-connect-metrics"
NAMESPACE = "AWS/Connect"
# the instance's service quota for concurrent active calls (a real instance asks AWS to raise it)
CONCURRENT_CALLS_QUOTA = 60
MINUTE_S = 60
# delivered_at is blank for a datapoint that would land after the simulation stops
TRUTH_COLUMNS = (
    "metric_name",
    "metric_group",
    "queue_name",
    "contact_flow_name",
    "minute_at",
    "value",
    "unit",
    "delivered_at",
)
# (metric, group, queue, contact flow, minute start, value, unit)
Datapoint = tuple[str, str, str | None, str | None, int, float, str]


@dataclass
class InstanceMetrics:
    """Collects every completed leg's spans; `deliver` turns them into the minute datapoints."""

    calls: list[tuple[int, int]] = field(default_factory=list)  # voice legs: (connected, disconnected)
    waits: dict[str, list[tuple[int, int]]] = field(default_factory=lambda: defaultdict(list))
    missed_calls: list[int] = field(default_factory=list)  # when a voice offer went unanswered
    flow_errors: list[tuple[str, int]] = field(default_factory=list)  # (flow, when its error branch ran)

    def record(self, leg: Leg) -> None:
        if leg.channel == "VOICE" and leg.disconnected_at is not None:
            start = leg.connected_to_system_at or leg.initiated_at
            self.calls.append((start, max(start, leg.disconnected_at)))
        if leg.enqueued_at is not None and leg.queue is not None and leg.queue.agent_owner is None:
            out = leg.dequeued_at or leg.disconnected_at or leg.enqueued_at
            self.waits[leg.queue.name].append((leg.enqueued_at, out))

    def record_missed_call(self, at: int) -> None:
        self.missed_calls.append(at)

    def record_flow_error(self, flow_name: str, at: float) -> None:
        self.flow_errors.append((flow_name, int(at)))

    def datapoints(self, start: int, end: int) -> list[Datapoint]:
        """Every datapoint published for a minute in [start, end)."""
        points: list[Datapoint] = []
        peak = peaks(self.calls, start, end)
        began: dict[int, int] = defaultdict(int)
        for call_start, _ in self.calls:
            began[call_start - call_start % MINUTE_S] += 1
        for minute in range(start, end, MINUTE_S):
            concurrent = peak.get(minute, 0)
            points.append(("ConcurrentCalls", "VoiceCalls", None, None, minute, float(concurrent), "Count"))
            share = round(100.0 * concurrent / CONCURRENT_CALLS_QUOTA, 2)
            points.append(("ConcurrentCallsPercentage", "VoiceCalls", None, None, minute, share, "Percent"))
            points.append(("CallsPerInterval", "VoiceCalls", None, None, minute, float(began.get(minute, 0)), "Count"))
        for minute, count in sorted(per_minute(self.missed_calls, start, end).items()):
            points.append(("MissedCalls", "VoiceCalls", None, None, minute, float(count), "Count"))
        for flow_name in sorted({name for name, _ in self.flow_errors}):
            times = [at for name, at in self.flow_errors if name == flow_name]
            for minute, count in sorted(per_minute(times, start, end).items()):
                points.append(("ContactFlowErrors", "ContactFlow", None, flow_name, minute, float(count), "Count"))
        for queue_name in sorted(self.waits):
            spans = self.waits[queue_name]
            size = peaks(spans, start, end)
            longest = longest_waits(spans, start, end)
            for minute in sorted(m for m, n in size.items() if n > 0):
                points.append(("QueueSize", "Queue", queue_name, None, minute, float(size[minute]), "Count"))
                points.append(
                    ("LongestQueueWaitTime", "Queue", queue_name, None, minute, float(longest[minute]), "Seconds")
                )
        return points

    def deliver(
        self, stream: FirehoseStream, truth_dir: Path, start: int, end: int, rng: random.Random, duplicate_rate: float
    ) -> int:
        """Put every datapoint on the stream (arriving 1-3 minutes after its minute; some twice) and write the
        truth. Returns the number of datapoints delivered before the simulation stops."""
        points = self.datapoints(start, end)
        landed = 0
        with open(truth_dir / "instance_metrics.csv", "w", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(TRUTH_COLUMNS)
            for metric, group, queue_name, flow_name, minute, value, unit in points:
                arrival = minute + MINUTE_S + rng.uniform(60.0, 180.0)
                delivered = "" if arrival > end else iso_seconds(int(arrival))
                writer.writerow(
                    (metric, group, queue_name or "", flow_name or "", iso_seconds(minute), value, unit, delivered)
                )
                if arrival > end:
                    continue
                landed += 1
                line = orjson.dumps(record(metric, group, queue_name, flow_name, minute, value, unit))
                stream.put(arrival, line)
                if rng.random() < duplicate_rate and arrival + 300 <= end:
                    stream.put(arrival + rng.uniform(5.0, 300.0), line)
        return landed


def record(
    metric: str, group: str, queue_name: str | None, flow_name: str | None, minute: int, value: float, unit: str
) -> dict:
    dimensions = {"InstanceId": catalog.INSTANCE_ID, "MetricGroup": group}
    if queue_name is not None:
        dimensions["QueueName"] = queue_name
    if flow_name is not None:
        dimensions["ContactFlowName"] = flow_name
    return {
        "metric_stream_name": METRIC_STREAM_NAME,
        "account_id": catalog.ACCOUNT_ID,
        "region": catalog.REGION,
        "namespace": NAMESPACE,
        "metric_name": metric,
        "dimensions": dimensions,
        "timestamp": minute * 1000,
        "value": {"max": value, "min": value, "sum": value, "count": 1.0},
        "unit": unit,
    }


def per_minute(times: list[int], start: int, end: int) -> dict[int, int]:
    """How many of `times` fall in each minute of [start, end) that has any."""
    counts: dict[int, int] = defaultdict(int)
    for at in times:
        if start <= at < end:
            counts[at - at % MINUTE_S] += 1
    return counts


def peaks(spans: list[tuple[int, int]], start: int, end: int) -> dict[int, int]:
    """Per minute in [start, end): the most spans [a, b) open at once at any moment of the minute."""
    events = sorted([(a, 1) for a, b in spans if b > a] + [(b, -1) for a, b in spans if b > a])
    result: dict[int, int] = {}
    current, i = 0, 0
    for minute in range(start, end, MINUTE_S):
        while i < len(events) and events[i][0] <= minute:  # ends before starts at the same second
            current += events[i][1]
            i += 1
        best = current
        while i < len(events) and events[i][0] < minute + MINUTE_S:
            current += events[i][1]
            best = max(best, current)
            i += 1
        if best:
            result[minute] = best
    return result


def longest_waits(spans: list[tuple[int, int]], start: int, end: int) -> dict[int, int]:
    """Per minute: the longest any contact in the queue during the minute had waited by the minute's end (or its
    dequeue, when that came first)."""
    result: dict[int, int] = defaultdict(int)
    for enqueued, out in spans:
        if out <= enqueued:
            continue
        first = max(start, enqueued - enqueued % MINUTE_S)
        for minute in range(first, min(out, end), MINUTE_S):
            result[minute] = max(result[minute], min(out, minute + MINUTE_S) - enqueued)
    return result
