"""`connect-lake reconcile` without AWS: botocore's Stubber answers GetMetricDataV2 (checking every request against
botocore's own service model and against the planned requests) with Connect's metrics built from the simulator's
truth, not from the warehouse. The warehouse must then agree with Connect everywhere; one perturbed interval must
be reported and fail the reconciliation."""

from __future__ import annotations

import copy
from datetime import UTC, datetime, timedelta

import boto3
import pytest
from botocore.stub import Stubber

from connect_lake.connect_api import metrics_v2
from connect_lake.connect_api.reconcile import AGENT_METRICS, QUEUE_METRICS, failing, reconcile, table
from connect_lake.simulate.catalog import INSTANCE_ARN, QUEUES
from lakes import Lake, Warehouse, read_csv
from truths import interval_of, queue_day_sums, ratio, spans, truth_agent_days

MINUTES = 15
START, END = datetime(2026, 11, 2), datetime(2026, 11, 5)


def queue_values(lake: Lake) -> dict[tuple, dict[str, float | None]]:
    """Connect's queue metrics per (queue id, channel, interval), from the truth's contact legs."""
    ids = {q.name: q.queue_id for q in QUEUES.values() if q.name}
    values = {}
    legs = [leg for leg in read_csv(lake.truth / "contacts.csv") if leg["queue_name"]]
    for (start, name, channel), s in queue_day_sums(legs, MINUTES, queue_key="queue_name").items():
        values[(ids[name], channel, start)] = {
            "CONTACTS_QUEUED": s["contacts_queued"],
            "CONTACTS_HANDLED": s["contacts_handled"],
            "CONTACTS_ABANDONED": s["contacts_abandoned"],
            "SUM_CONTACTS_ANSWERED_IN_X": s["contacts_answered_in_x"],
            "SUM_CONTACTS_ABANDONED_IN_X": s["contacts_abandoned_in_x"],
            "SERVICE_LEVEL": ratio(s["contacts_removed_from_queue_in_x"], s["contacts_queued"], 100),
            "ABANDONMENT_RATE": ratio(s["contacts_abandoned"], s["contacts_queued"], 100),
            "AVG_QUEUE_ANSWER_TIME": ratio(s["sum_queue_answer_time_s"], s["contacts_answered"]),
            "AVG_HANDLE_TIME": ratio(s["sum_handle_time_s"], s["contacts_handled"]),
            "AVG_AFTER_CONTACT_WORK_TIME": ratio(s["sum_after_contact_work_time_s"], s["contacts_handled"]),
            "MAX_QUEUED_TIME": s.get("max_queued_time_s"),
        }
    return values


def agent_values(lake: Lake) -> dict[tuple, dict[str, float | None]]:
    """Connect's agent metrics per (agent id, interval), from the truth's status and contact spans."""
    contact_spans = spans(lake, "agent_contact_spans.csv")
    totals = truth_agent_days(spans(lake, "agent_status_spans.csv"), contact_spans, MINUTES)
    missed: dict[tuple, int] = {}
    for r in contact_spans:
        if r["state"] in ("MISSED", "REJECTED"):
            start = interval_of(r["start"], MINUTES)
            missed[(r["agent_id"], start)] = missed.get((r["agent_id"], start), 0) + 1
    values = {}
    for key in set(totals) | set(missed):
        t = totals.get(key, {})
        on, idle = t.get("agent_on_contact_time_s", 0.0), t.get("agent_idle_time_s", 0.0)
        values[key] = {
            "SUM_ONLINE_TIME_AGENT": t.get("online_time_s", 0.0),
            "SUM_IDLE_TIME_AGENT": idle,
            "SUM_CONTACT_TIME_AGENT": on,
            "SUM_NON_PRODUCTIVE_TIME_AGENT": t.get("non_productive_time_s", 0.0),
            "AGENT_OCCUPANCY": ratio(on, on + idle, 100),
            "AGENT_NON_RESPONSE": missed.get(key, 0),
        }
    return values


def pages(request: metrics_v2.Request, queues: dict, agents: dict, page_size: int = 40) -> list[dict]:
    """The response pages Connect would send for one request: one result per group and interval with data."""
    results = []
    params = request.params(INSTANCE_ARN)
    metrics = {m["Name"]: m for m in params["Metrics"]}
    source = queues if request.filter_key == "QUEUE" else agents
    for key, named in sorted(source.items(), key=str):
        start = key[-1]
        if key[0] not in request.filter_values or not request.start <= start < request.end:
            continue
        dimensions = {"QUEUE": key[0], "CHANNEL": key[1]} if request.filter_key == "QUEUE" else {"AGENT": key[0]}
        collections = []
        for name in request.metrics:
            collection = {"Metric": metrics[name]}
            if named.get(name) is not None:
                collection["Value"] = float(named[name])
            collections.append(collection)
        results.append(
            {
                "Dimensions": dimensions,
                "MetricInterval": {
                    "Interval": request.period,
                    "StartTime": start.replace(tzinfo=UTC),
                    "EndTime": (start + timedelta(minutes=MINUTES)).replace(tzinfo=UTC),
                },
                "Collections": collections,
            }
        )
    chunks = [results[i : i + page_size] for i in range(0, len(results), page_size)] or [[]]
    return [
        {"MetricResults": chunk, **({"NextToken": f"page-{n + 1}"} if n + 1 < len(chunks) else {})}
        for n, chunk in enumerate(chunks)
    ]


@pytest.fixture(scope="module")
def connect_responses(lake: Lake) -> list[tuple[dict, dict]]:
    """(expected request parameters, response) for every call the reconciliation must make, in order."""
    thresholds = {q.queue_id: q.service_level_threshold_s for q in QUEUES.values() if q.name}
    agent_ids = {r["agent_id"] for r in read_csv(lake.truth / "agents.csv")}
    period = metrics_v2.INTERVAL_PERIODS[MINUTES]
    requests = metrics_v2.plan(START, END, period, thresholds, agent_ids, tuple(QUEUE_METRICS), tuple(AGENT_METRICS))
    queues, agents = queue_values(lake), agent_values(lake)
    calls = []
    for request in requests:
        params = request.params(INSTANCE_ARN)
        for n, page in enumerate(pages(request, queues, agents)):
            calls.append(({**params, **({"NextToken": f"page-{n}"} if n else {})}, page))
    return calls


def run(warehouse: Warehouse, calls: list[tuple[dict, dict]]):
    client = boto3.client("connect", region_name="us-east-1", aws_access_key_id="x", aws_secret_access_key="x")
    with Stubber(client) as stubber:
        for params, response in calls:
            stubber.add_response("get_metric_data_v2", response, params)
        reports, requests = reconcile(client, INSTANCE_ARN, warehouse.path, "main_marts", START, END, MINUTES)
        stubber.assert_no_pending_responses()
    return {r.metric: r for r in reports}, requests


def test_the_requests_respect_the_apis_limits(connect_responses) -> None:
    for params, _ in connect_responses:
        assert params["EndTime"] - params["StartTime"] < timedelta(days=3)
        assert all(len(f["FilterValues"]) <= 100 for f in params["Filters"]) and len(params["Groupings"]) <= 4
    assert any("NextToken" in params for params, _ in connect_responses), "pagination is exercised"
    thresholds = {
        m["Threshold"][0]["ThresholdValue"]
        for params, _ in connect_responses
        for m in params["Metrics"]
        if "Threshold" in m
    }
    assert thresholds == {float(q.service_level_threshold_s) for q in QUEUES.values() if q.name}


def test_the_warehouse_agrees_with_connect(warehouse: Warehouse, connect_responses) -> None:
    reports, requests = run(warehouse, connect_responses)
    print(table(list(reports.values())))
    assert requests == sum(1 for params, _ in connect_responses if "NextToken" not in params)
    assert failing(list(reports.values()), 0.0) == [], {m: r.example for m, r in reports.items() if r.different}
    assert all(r.intervals_compared > 100 for r in reports.values())


def test_one_perturbed_interval_is_reported_and_fails(warehouse: Warehouse, connect_responses) -> None:
    calls = copy.deepcopy(connect_responses)
    [target] = [
        c
        for _, page in calls
        for result in page["MetricResults"]
        for c in result["Collections"]
        if c["Metric"]["Name"] == "CONTACTS_HANDLED" and c.get("Value", 0) >= 3
    ][:1]
    target["Value"] += 1
    reports, _ = run(warehouse, calls)
    assert failing(list(reports.values()), 0.0) == ["CONTACTS_HANDLED"]
    assert reports["CONTACTS_HANDLED"].different == 1 and reports["CONTACTS_HANDLED"].largest_difference == 1
