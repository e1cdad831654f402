"""The agent marts, built from the raw agent event stream with duplicates, malformed lines and heartbeats after
logout, hold against the simulator's record of what every agent did (truth/agent_*.csv, agents.csv)."""

from __future__ import annotations

from collections import defaultdict

import pytest

from lakes import Lake, Warehouse, read_csv, ts
from truths import SPAN_END_TOLERANCE_S, spans, truth_agent_days


@pytest.fixture(scope="module")
def status_truth(lake: Lake) -> list[dict]:
    return spans(lake, "agent_status_spans.csv")


@pytest.fixture(scope="module")
def contact_truth(lake: Lake) -> list[dict]:
    return spans(lake, "agent_contact_spans.csv")


def test_every_status_span_matches_the_truth(status_truth, warehouse: Warehouse) -> None:
    expected = {(r["agent_id"], r["status_name"], r["start"]): r for r in status_truth}
    actual = {
        (agent_id, name, start): (end, status_type)
        for agent_id, name, start, end, status_type in warehouse.query(
            "select agent_id, agent_status_name, started_at, ended_at, agent_status_type "
            "from main_marts.fct_agent_status_spans"
        )
    }
    assert len(expected) > 300
    assert set(actual) == set(expected)
    late = [k for k, r in expected.items() if abs((actual[k][0] - r["end"]).total_seconds()) > SPAN_END_TOLERANCE_S]
    assert not late, late[:3]
    assert all(actual[k][1] == r["status_type"] for k, r in expected.items())


def test_every_contact_state_span_matches_the_truth(contact_truth, warehouse: Warehouse) -> None:
    expected = {(r["agent_id"], r["contact_id"], r["state"], r["start"]): r for r in contact_truth}
    actual = {
        (agent_id, contact_id, state, start): (end, channel)
        for agent_id, contact_id, state, start, end, channel in warehouse.query(
            "select agent_id, contact_id, contact_state, started_at, ended_at, channel "
            "from main_intermediate.int_agent_contact_state_spans__sequenced"
        )
    }
    assert len(expected) > 3000
    assert set(actual) == set(expected)
    late = [k for k, r in expected.items() if abs((actual[k][0] - r["end"]).total_seconds()) > SPAN_END_TOLERANCE_S]
    assert not late, late[:3]
    # the stream spells the task channel TASKS; staging maps it to the contact records' TASK
    assert {actual[k][1] for k in expected} == {r["channel"] for r in expected.values()}
    assert "TASK" in {r["channel"] for r in expected.values()}


def test_agent_versions_match_the_truth(lake: Lake, warehouse: Warehouse) -> None:
    expected = read_csv(lake.truth / "agents.csv")
    actual = warehouse.dicts("select * from main_marts.dim_agents")
    assert len(actual) == len(expected)
    assert len(expected) > len({r["agent_id"] for r in expected}), "some agent must change routing profile"
    by_agent = defaultdict(list)
    for row in actual:
        by_agent[row["agent_id"]].append(row)
    for want in expected:
        valid_from_at = ts(want["valid_from_at"])
        [got] = [
            row for row in by_agent[want["agent_id"]] if abs((row["valid_from_at"] - valid_from_at).total_seconds()) < 1
        ]
        assert (got["routing_profile_name"], got["agent_hierarchy_level3"], got["agent_first_name"]) == (
            want["routing_profile"],
            want["hierarchy_level3"],
            want["first_name"],
        )
        if want["valid_to_at"]:
            assert abs((got["valid_to_at"] - ts(want["valid_to_at"])).total_seconds()) < 1
        else:
            assert got["valid_to_at"] is None and got["is_current_version"]


def test_agent_day_metrics_equal_the_truth(status_truth, contact_truth, warehouse: Warehouse) -> None:
    expected = truth_agent_days(status_truth, contact_truth)
    metrics = (
        "online_time_s",
        "agent_idle_time_s",
        "agent_on_contact_time_s",
        "after_contact_work_time_s",
        "contact_handle_time_s",
        "non_productive_time_s",
    )
    actual = {
        (row["agent_id"], row["interval_date"]): row
        for row in warehouse.dicts(
            "select agent_id, interval_date, "
            + ", ".join(f"sum({m}) as {m}" for m in metrics)
            + " from main_marts.fct_agent_intervals group by agent_id, interval_date"
        )
    }
    # each span end the stream shows may be up to SPAN_END_TOLERANCE_S off (event time vs the change)
    spans = defaultdict(int)
    for r in [*status_truth, *contact_truth]:
        spans[(r["agent_id"], r["start"].date())] += 1
    assert set(actual) >= {k for k, v in expected.items() if v.get("online_time_s", 0) > 0}
    wrong = []
    for key, want in expected.items():
        for metric in metrics:
            diff = abs(float(actual.get(key, {}).get(metric) or 0.0) - want.get(metric, 0.0))
            if diff > SPAN_END_TOLERANCE_S * spans[key]:
                wrong.append((key, metric, diff))
    assert not wrong, wrong[:5]
    assert sum(v.get("non_productive_time_s", 0) for v in expected.values()) > 0
    assert sum(v.get("after_contact_work_time_s", 0) for v in expected.values()) > 0


def test_occupancy_is_on_contact_over_on_contact_plus_idle(warehouse: Warehouse) -> None:
    rows = warehouse.query(
        "select agent_on_contact_time_s, agent_idle_time_s, occupancy_pct from main_marts.fct_agent_intervals"
    )
    assert rows
    for on_contact, idle, occupancy in rows:
        if on_contact + idle == 0:
            assert occupancy is None
        else:
            assert occupancy == pytest.approx(100.0 * on_contact / (on_contact + idle))


def test_agent_events_agree_with_contact_record_handle_time(warehouse: Warehouse) -> None:
    """Per agent-day, the time the agent event stream shows contacts worked equals the contact records' handle
    time within 1 s per contact. Consult legs are the exception, and only in one direction: the agent is
    CONNECTED while talking to the consulting agent, which the contact record does not count as interaction."""
    rows = warehouse.dicts(
        """
        with events as (
            select agent_arn, contact_id, sum(epoch(ended_at) - epoch(started_at)) as worked_s
            from main_intermediate.int_agent_contact_state_spans__sequenced
            where contact_state in ('CONNECTED', 'CONNECTED_ONHOLD', 'ENDED', 'PAUSED')
            group by agent_arn, contact_id
        )
        select c.agent_arn, cast(c.connected_to_agent_at as date) as day, c.relation_to_previous,
               c.handle_time_s, e.worked_s
        from main_marts.fct_contacts as c
        left join events as e on c.agent_arn = e.agent_arn and c.contact_id = e.contact_id
        where c.is_handled
        """
    )
    assert all(r["worked_s"] is not None for r in rows), "every handled leg is on its agent's desk"
    per_day: dict[tuple, list[float]] = defaultdict(lambda: [0.0, 0.0, 0])
    for r in rows:
        if r["relation_to_previous"] == "CONSULT":
            assert r["worked_s"] >= r["handle_time_s"] - 1
            continue
        totals = per_day[(r["agent_arn"], r["day"])]
        totals[0] += r["worked_s"]
        totals[1] += r["handle_time_s"]
        totals[2] += 1
    assert len(per_day) >= 40  # enough agent-days for the comparison to mean something
    wrong = {k: v for k, v in per_day.items() if abs(v[0] - v[1]) > 1.0 * v[2]}
    assert not wrong, list(wrong.items())[:3]
