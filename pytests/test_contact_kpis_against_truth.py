"""The contact marts, built from raw files with every fault on, hold against the simulator's ground truth."""

from __future__ import annotations

from collections import defaultdict

import pytest
import yaml

from connect_lake.simulate.truth import INTERVAL_MEASURES, INTERVAL_MINUTES
from lakes import AWS_LEG_RELATIONS, REPO, Lake, Warehouse, read_csv, ts
from truths import repeat_followed

FLAGS = ("is_queued", "is_handled", "is_abandoned", "is_callback_requested", "is_transferred_in", "is_transferred_out")
DURATIONS = {  # mart column -> truth column
    "queue_duration_s": "queue_duration_s",
    "interaction_duration_s": "interaction_s",
    "customer_hold_duration_s": "hold_s",
    "after_contact_work_duration_s": "acw_s",
    "handle_time_s": "handle_time_s",
}
AUDIO_ISSUES = {  # Connect's PotentialQualityIssues value -> the mart's flag suffix
    "HighPacketLoss": "high_packet_loss",
    "HighRoundTripTime": "high_round_trip_time",
    "HighJitterBuffer": "high_jitter_buffer",
}
# the truth's own list: what the simulator counts per interval is what the mart is held to
MEASURES = INTERVAL_MEASURES


def test_the_truth_intervals_are_the_projects_default() -> None:
    project = yaml.safe_load((REPO / "dbt_project.yml").read_text())
    assert project["vars"]["interval_minutes"] == INTERVAL_MINUTES


@pytest.fixture(scope="module")
def truth(lake: Lake) -> dict[str, dict[str, str]]:
    return {row["contact_id"]: row for row in read_csv(lake.truth / "contacts.csv")}


@pytest.fixture(scope="module")
def contacts(warehouse: Warehouse) -> dict[str, dict]:
    return {row["contact_id"]: row for row in warehouse.dicts("select * from main_marts.fct_contacts")}


def test_one_row_per_contact_leg_that_landed(truth, contacts) -> None:
    assert set(contacts) == set(truth)


def test_every_metric_flag_equals_the_truth(truth, contacts) -> None:
    wrong = defaultdict(list)
    for contact_id, expected in truth.items():
        row = contacts[contact_id]
        for flag in FLAGS:
            if row[flag] != (expected[flag] == "1"):
                wrong[flag].append(contact_id)
    assert not wrong, {flag: (len(ids), ids[:5]) for flag, ids in wrong.items()}


def test_every_duration_is_within_a_second_of_the_truth(truth, contacts) -> None:
    wrong = defaultdict(list)
    for contact_id, expected in truth.items():
        row = contacts[contact_id]
        for column, truth_column in DURATIONS.items():
            value, want = row[column], expected[truth_column]
            if want == "" or (column == "queue_duration_s" and expected["is_queued"] == "0"):
                if value is not None:
                    wrong[column].append((contact_id, value, want))
            elif value is None or abs(value - int(want)) > 1:
                wrong[column].append((contact_id, value, want))
    assert not wrong, {c: (len(v), v[:3]) for c, v in wrong.items()}


def test_call_quality_equals_the_truth(truth, contacts) -> None:
    """Each side's QualityScore and issue flags as Connect scored them; null where it did not score the side."""
    wrong = defaultdict(list)
    scored = 0
    for contact_id, expected in truth.items():
        row = contacts[contact_id]
        any_issue = None
        for side in ("agent", "customer"):
            score, issues = expected[f"{side}_audio_quality_score"], expected[f"{side}_audio_quality_issues"]
            got = row[f"{side}_audio_quality_score"]
            if (got is None) != (score == "") or (got is not None and abs(got - float(score)) > 1e-9):
                wrong[f"{side}_audio_quality_score"].append((contact_id, got, score))
            if score != "":
                scored += 1
                any_issue = bool(any_issue) or bool(issues)
            for issue, column in AUDIO_ISSUES.items():
                want = None if score == "" else issue in issues.split("|")
                if row[f"has_{side}_audio_{column}"] != want:
                    wrong[f"has_{side}_audio_{column}"].append((contact_id, row[f"has_{side}_audio_{column}"], want))
        if row["has_audio_quality_issue"] != any_issue:
            wrong["has_audio_quality_issue"].append((contact_id, row["has_audio_quality_issue"], any_issue))
    assert scored > 1000
    assert not wrong, {c: (len(v), v[:3]) for c, v in wrong.items()}


def test_chains_and_classification_equal_the_truth(truth, contacts) -> None:
    order = defaultdict(list)
    for row in truth.values():
        order[row["root_contact_id"]].append((ts(row["initiated_at"]), row["contact_id"]))
    leg_number = {cid: n for legs in order.values() for n, (_, cid) in enumerate(sorted(legs), 1)}
    wrong = []
    for contact_id, expected in truth.items():
        row = contacts[contact_id]
        if (row["root_contact_id"], row["relation_to_previous"] or "", row["leg_number"]) != (
            expected["root_contact_id"],
            expected["relation"],
            leg_number[contact_id],
        ):
            wrong.append((contact_id, row["relation_to_previous"], expected["relation"]))
    assert not wrong, (len(wrong), wrong[:5])
    assert {r["relation_to_previous"] for r in contacts.values()} >= AWS_LEG_RELATIONS


def test_identifiers_and_times_equal_the_truth(truth, contacts) -> None:
    for contact_id, expected in truth.items():
        row = contacts[contact_id]
        assert row["queue_name"] == (expected["queue_name"] or None)
        assert row["agent_username"] == (expected["agent_username"] or None)
        assert row["initiation_method"] == expected["initiation_method"]
        assert row["initiated_at"] == ts(expected["initiated_at"])
        if expected["enqueued_at"]:
            assert row["enqueued_at"] == ts(expected["enqueued_at"])


def test_every_queue_interval_measure_equals_the_truth(lake: Lake, warehouse: Warehouse) -> None:
    truth = read_csv(lake.truth / "queue_intervals.csv")
    expected = {
        (r["queue_arn"], r["queue_type"], r["channel"], ts(r["interval_start_at"])): {m: int(r[m]) for m in MEASURES}
        for r in truth
    }
    rows = warehouse.dicts(
        f"select queue_arn, queue_type, channel, interval_start_at, {', '.join(MEASURES)}"
        " from main_marts.fct_queue_intervals"
    )
    actual = {
        (r["queue_arn"], r["queue_type"], r["channel"], r["interval_start_at"]): {m: int(r[m] or 0) for m in MEASURES}
        for r in rows
    }
    assert {r["queue_type"] for r in truth} == {"STANDARD", "AGENT"}
    assert set(actual) == set(expected)
    differences = {k: (actual[k], expected[k]) for k in expected if actual[k] != expected[k]}
    assert not differences, list(differences.items())[:3]


def test_kpi_ratios_follow_their_definitions(warehouse: Warehouse) -> None:
    (sl, sl_def, ar, ar_def) = warehouse.query(
        "select sum(service_level_pct * contacts_queued) / sum(contacts_queued),"
        " 100.0 * sum(contacts_removed_from_queue_in_x) / sum(contacts_queued),"
        " sum(abandonment_rate_pct * contacts_queued) / sum(contacts_queued),"
        " 100.0 * sum(contacts_abandoned) / sum(contacts_queued)"
        " from main_marts.fct_queue_intervals where contacts_queued > 0"
    )[0]
    assert sl == pytest.approx(sl_def) and ar == pytest.approx(ar_def)
    assert 0 < ar < 40 and 20 < sl <= 100


def test_repeat_contacts_follow_the_customers_own_return(lake: Lake, truth, warehouse: Warehouse) -> None:
    """A journey is a repeat-followed one when the same customer (same address) starts another inbound call
    or chat within 7 days; computed here from the truth's raw addresses, not from the hashed key."""
    expected = repeat_followed(truth.values())
    actual = dict(
        warehouse.query(
            "select root_contact_id, has_repeat_contact from main_marts.fct_contact_journeys where channel <> 'TASK'"
        )
    )
    assert set(actual) == set(expected)
    wrong = [k for k in expected if actual[k] != expected[k]]
    assert not wrong, (len(wrong), wrong[:5])
    assert 0 < sum(expected.values()) < len(expected)


def test_every_recorded_leg_has_its_recording(truth, warehouse: Warehouse) -> None:
    """The simulated instance records every voice call and chat an agent talked on (tasks are not recorded):
    one recording per such leg, named after the contact, starting when the agent connected."""
    expected = {
        contact_id: row
        for contact_id, row in truth.items()
        if row["is_handled"] == "1" and row["channel"] != "TASK" and float(row["interaction_s"] or 0) > 0
    }
    recordings = warehouse.dicts("select * from main_marts.fct_recordings")
    assert {r["contact_id"] for r in recordings} == set(expected)
    assert len(recordings) == len(expected)
    for r in recordings:
        want = expected[r["contact_id"]]
        assert r["contact_id"] in r["recording_location"]
        assert r["media_stream_type"] == ("CHAT" if want["channel"] == "CHAT" else "AUDIO")
        assert r["recording_started_at"] == ts(want["connected_to_agent_at"])
