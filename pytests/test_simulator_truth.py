"""The ground truth agrees with the records that landed, and the simulated centre is as rich as promised."""

from __future__ import annotations

import itertools
from collections import defaultdict
from datetime import datetime

from connect_lake.simulate import catalog
from lakes import AWS_LEG_RELATIONS, REPO, Lake, read_csv


def epoch(text: str) -> float:
    return datetime.fromisoformat(text.replace("Z", "+00:00")).timestamp()


def latest_ctrs(lake: Lake) -> dict[str, dict]:
    latest: dict[str, dict] = {}
    for record in lake.records("contact_records"):
        current = latest.get(record["ContactId"])
        if current is None or record["LastUpdateTimestamp"] > current["LastUpdateTimestamp"]:
            latest[record["ContactId"]] = record
    return latest


def test_truth_agrees_with_the_contact_records_that_landed(lake: Lake) -> None:
    records = latest_ctrs(lake)
    truth = read_csv(lake.truth / "contacts.csv")
    assert len(truth) == len(records)
    for row in truth:
        record = records[row["contact_id"]]
        queue, agent = record["Queue"], record["Agent"]
        assert record["InitiationMethod"] == row["initiation_method"]
        assert record["Channel"] == row["channel"]
        assert (queue is not None and queue["EnqueueTimestamp"] is not None) == (row["is_queued"] == "1")
        assert (agent is not None) == (row["is_handled"] == "1")
        if queue is not None and queue["EnqueueTimestamp"] is not None:
            assert queue["Duration"] == int(row["queue_duration_s"])
        if agent is not None:
            assert agent["Username"] == row["agent_username"]
            assert agent["AgentInteractionDuration"] == int(row["interaction_s"])
            assert agent["CustomerHoldDuration"] == int(row["hold_s"])
            assert agent["AfterContactWorkDuration"] == int(row["acw_s"])
        assert (record["NextContactId"] or "") == row["next_contact_id"]
        assert (record["InitialContactId"] or row["contact_id"]) == row["root_contact_id"]


KEYS = ("queue_arn", "queue_type", "queue_name", "channel", "interval_start_at")


def test_queue_interval_truth_is_the_connect_definitions_applied_to_contact_truth(lake: Lake) -> None:
    expected: dict[tuple, list[int]] = defaultdict(lambda: [0] * 11)
    for row in read_csv(lake.truth / "contacts.csv"):
        if not row["queue_arn"]:
            continue
        x = int(row["service_level_threshold_s"])
        anchor = epoch(row["enqueued_at"] or row["initiated_at"])
        key = (row["queue_arn"], row["channel"], int(anchor // 900 * 900))
        m = expected[key]
        queued, handled, abandoned = row["is_queued"] == "1", row["is_handled"] == "1", row["is_abandoned"] == "1"
        waited = int(row["queue_duration_s"] or 0)
        if queued:
            m[0] += 1
            m[5] += waited < x
            m[10] = max(m[10], waited)
        if handled:
            m[1] += 1
            m[7] += int(row["handle_time_s"])
            m[8] += int(row["acw_s"] or 0)
            m[9] += int(row["hold_s"])
            if queued:
                m[4] += waited < x
                m[6] += waited
        if abandoned:
            assert queued and not handled and not row["next_contact_id"]
            m[2] += 1
            m[3] += waited < x
    intervals = read_csv(lake.truth / "queue_intervals.csv")
    actual = {
        (r["queue_arn"], r["channel"], int(epoch(r["interval_start_at"]))): [
            int(v) for k, v in r.items() if k not in KEYS
        ]
        for r in intervals
    }
    assert actual == dict(expected)
    # agents' own queues (transfers to an agent) are queues too, as Connect counts them
    assert {r["queue_type"] for r in intervals} == {"STANDARD", "AGENT"}
    assert all((r["queue_type"] == "AGENT") == ("/queue/agent/" in r["queue_arn"]) for r in intervals)


def test_agent_spans_do_not_overlap_per_agent(lake: Lake) -> None:
    spans = defaultdict(list)
    for row in read_csv(lake.truth / "agent_status_spans.csv"):
        spans[row["agent_id"]].append((epoch(row["start_at"]), epoch(row["end_at"])))
    assert spans
    for values in spans.values():
        values.sort()
        for (start, end), (next_start, _) in itertools.pairwise(values):
            assert start <= end <= next_start + 1e-3


def test_the_centre_is_as_rich_as_promised(lake: Lake) -> None:
    contacts = read_csv(lake.truth / "contacts.csv")
    relations = {r["relation"] for r in contacts}
    assert AWS_LEG_RELATIONS | {"CALLBACK", "QUEUE_TRANSFER"} <= relations
    assert {r["channel"] for r in contacts} == {"VOICE", "CHAT", "TASK"}
    assert {"INBOUND", "OUTBOUND", "API", "TRANSFER", "CALLBACK", "QUEUE_TRANSFER", "EXTERNAL_OUTBOUND"} <= {
        r["initiation_method"] for r in contacts
    }
    assert len({r["queue_name"] for r in contacts if r["queue_name"]}) >= 6
    assert len({r["routing_profile"] for r in contacts if r["routing_profile"]}) >= 5
    assert sum(r["is_abandoned"] == "1" for r in contacts) > 20
    assert sum(int(r["hold_count"] or 0) > 0 for r in contacts) > 50
    assert sum(int(r["acw_s"] or 0) > 0 for r in contacts) > 500
    assert {"contained", "dropped", "closed", "queued"} <= {r["ivr_outcome"] for r in contacts}
    statuses = {r["status_name"] for r in read_csv(lake.truth / "agent_status_spans.csv")}
    assert {"Available", "Break", "Lunch", "Offline"} <= statuses
    agents = read_csv(lake.truth / "agents.csv")
    assert any(r["valid_to_at"] for r in agents)  # someone changed routing profile


def test_customers_come_back(lake: Lake) -> None:
    first_contacts = defaultdict(list)
    for row in read_csv(lake.truth / "contacts.csv"):
        if row["contact_id"] == row["root_contact_id"] and row["initiation_method"] in ("INBOUND", "API"):
            first_contacts[row["customer_index"]].append(epoch(row["initiated_at"]))
    repeats = sum(1 for times in first_contacts.values() if len(times) > 1)
    assert repeats > 50


def test_service_level_seed_matches_the_instance_configuration() -> None:
    seed = {r["queue_name"]: r for r in read_csv(REPO / "seeds/queue_service_level_targets.csv")}
    assert set(seed) == set(catalog.QUEUES)
    for name, queue in catalog.QUEUES.items():
        assert int(seed[name]["service_level_threshold_s"]) == queue.service_level_threshold_s
        assert seed[name]["channel"] == queue.channel
