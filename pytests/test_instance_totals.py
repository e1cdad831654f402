"""What Amazon Connect counts per instance, the queues add up to: summed over every queue (standard queues and
agents' own queues, where a transfer to an agent waits), the queue facts and the semantic layer's metrics give the
instance's totals, counted here straight from the raw contact records (the newest copy of each ContactId) by
Connect's definitions: CONTACTS_QUEUED counts every record with Queue.EnqueueTimestamp, CONTACTS_HANDLED every
record with Agent.ConnectedToAgentTimestamp, CONTACTS_ABANDONED the queued ones never connected, not moved on
and not called back; handle time is interaction + customer hold + after-contact work + pause."""

from __future__ import annotations

from collections import Counter

import pytest

from lakes import Lake, MetricFlow, Warehouse

MEASURES = (
    "contacts_queued",
    "contacts_handled",
    "contacts_answered",
    "contacts_abandoned",
    "sum_queue_answer_time_s",
    "sum_handle_time_s",
)


def instance_totals(records: dict[str, dict]) -> dict[str, int]:
    totals: Counter[str] = Counter()
    for record in records.values():
        queue, agent = record.get("Queue") or {}, record.get("Agent") or {}
        queued, handled = bool(queue.get("EnqueueTimestamp")), bool(agent.get("ConnectedToAgentTimestamp"))
        totals["contacts_queued"] += queued
        totals["contacts_handled"] += handled
        totals["contacts_answered"] += queued and handled
        totals["contacts_abandoned"] += (
            queued
            and not handled
            and not record.get("NextContactId")
            and not record.get("TransferCompletedTimestamp")
            and record["InitiationMethod"] != "CALLBACK"
        )
        if queued and handled:
            totals["sum_queue_answer_time_s"] += queue["Duration"]
        if handled:
            totals["sum_handle_time_s"] += sum(
                agent.get(part) or 0
                for part in (
                    "AgentInteractionDuration",
                    "CustomerHoldDuration",
                    "AfterContactWorkDuration",
                    "AgentPauseDuration",
                )
            )
    return dict(totals)


@pytest.fixture(scope="module")
def expected(lake: Lake) -> dict[str, int]:
    records = lake.newest_records()
    # the lake has transfers to agents, whose queue is the agent's own
    assert any("/queue/agent/" in ((r.get("Queue") or {}).get("ARN") or "") for r in records.values())
    return instance_totals(records)


def test_the_queue_facts_add_up_to_the_instance(expected: dict[str, int], warehouse: Warehouse) -> None:
    actual = warehouse.dicts(
        "select " + ", ".join(f"sum({m}) as {m}" for m in MEASURES) + " from main_marts.fct_queue_intervals"
    )[0]
    assert {m: int(actual[m]) for m in MEASURES} == expected


def test_the_metrics_add_up_to_the_instance(expected: dict[str, int], mf: MetricFlow) -> None:
    [totals] = mf.query(MEASURES)
    assert {m: int(float(totals[m])) for m in MEASURES} == expected


def test_agent_queues_are_queues_of_their_own(warehouse: Warehouse) -> None:
    """Each agent queue is one queue, named by its agent's user name, typed AGENT; every other one is STANDARD."""
    rows = warehouse.dicts(
        "select q.queue_type, q.queue_name, q.queue_id, a.agent_username is not null as named_by_its_agent,"
        " f.contacts_queued from main_marts.dim_queues as q"
        " left join (select distinct agent_id, agent_username from main_marts.dim_agents) as a"
        " on q.queue_type = 'AGENT' and q.queue_id = a.agent_id and q.queue_name = a.agent_username"
        " left join (select queue_arn, sum(contacts_queued) as contacts_queued from main_marts.fct_queue_intervals"
        " group by 1) as f on q.queue_arn = f.queue_arn"
    )
    agents = [r for r in rows if r["queue_type"] == "AGENT"]
    assert agents and all(r["named_by_its_agent"] for r in agents)
    assert sum(r["contacts_queued"] or 0 for r in agents) > 0
    assert {r["queue_type"] for r in rows} == {"STANDARD", "AGENT"}
