"""The CloudTrail audit marts hold against the simulator's truth (its log files with duplicate deliveries, broken
records and unreadable objects on): every delivered event once, each Connect API call with who, from where, what,
on which resource and whether it was allowed, each access to a recording with its contact, and the caller's name
and IP address tagged as personal data for Lake Formation."""

from __future__ import annotations

import gzip
import json
from collections import Counter
from pathlib import Path

import orjson
import pytest

from lakes import Lake, Warehouse, read_csv, ts


@pytest.fixture(scope="module")
def delivered(lake: Lake) -> list[dict[str, str]]:
    """The truth's events that landed before the simulation stopped."""
    return [row for row in read_csv(lake.truth / "cloudtrail_events.csv") if row["delivered_at"]]


def landed_copies(lake: Lake) -> Counter:
    """eventID -> copies in the readable log files, the injected broken records left out (Python's own count)."""
    corrupt, malformed = lake.corrupt_objects(), lake.malformed_lines()
    copies: Counter = Counter()
    for path in sorted((lake.raw / "cloudtrail").rglob("*.json.gz")):
        key = str(path.relative_to(lake.raw))
        if key in corrupt:
            continue
        # element e of a file's one line is numbered 100000 + e
        for number, record in enumerate(orjson.loads(gzip.decompress(path.read_bytes()))["Records"], 100_001):
            if (key, number) not in malformed:
                copies[record["eventID"]] += 1
    return copies


def test_every_delivered_event_is_one_row_with_its_copies(lake: Lake, delivered, warehouse: Warehouse) -> None:
    copies = landed_copies(lake)
    assert set(copies) == {r["event_id"] for r in delivered}
    assert max(copies.values()) >= 2, "the lake holds duplicate deliveries"
    rows = dict(warehouse.query("select event_id, delivery_count from main_staging.stg_connect__cloudtrail_events"))
    assert rows == dict(copies)


def test_every_connect_api_call_is_one_audit_row(delivered, warehouse: Warehouse) -> None:
    expected = {
        r["event_id"]: (
            ts(r["event_time"]).replace(tzinfo=None),
            r["event_name"],
            r["identity_arn"],
            r["actor_name"],
            r["source_ip_address"],
            r["is_read_only"] == "true",
            r["error_code"] == "",
            r["error_code"] or None,
            r["resource_type"] or None,
            r["resource_id"] or None,
        )
        for r in delivered
        if r["event_source"] == "connect.amazonaws.com"
    }
    assert {v[1] for v in expected.values()} >= {"UpdateUserRoutingProfile", "ListQueues"}
    assert any(not v[6] for v in expected.values()), "a denied call is in the lake"
    rows = warehouse.query(
        "select api_audit_event_id, event_at, event_name, actor_arn, actor_name, source_ip_address, is_read_only,"
        " is_success, error_code, resource_type, resource_id from main_marts.fct_api_audit_events"
    )
    actual = {row[0]: tuple(row[1:]) for row in rows}
    assert len(actual) == len(rows)
    wrong = {k: (actual.get(k), v) for k, v in expected.items() if actual.get(k) != v}
    assert not wrong, (len(wrong), list(wrong.items())[:3])
    assert set(actual) == set(expected)


def test_every_recording_access_names_its_contact(delivered, warehouse: Warehouse) -> None:
    expected = {
        r["event_id"]: (
            {"GetObject": "fetch", "DeleteObject": "delete"}[r["event_name"]],
            r["access_channel"],
            r["identity_arn"],
            r["error_code"] == "",
            r["recording_location"],
            r["contact_id"],
        )
        for r in delivered
        if r["event_source"] == "s3.amazonaws.com"
    }
    assert {v[0] for v in expected.values()} == {"fetch", "delete"}
    assert {v[1] for v in expected.values()} == {"connect_service", "direct"}
    rows = warehouse.query(
        "select recording_access_event_id, access_type, access_channel, actor_arn, is_success, recording_location,"
        " contact_id from main_marts.fct_recording_access_events"
    )
    actual = {row[0]: tuple(row[1:]) for row in rows}
    assert len(actual) == len(rows)
    wrong = {k: (actual.get(k), v) for k, v in expected.items() if actual.get(k) != v}
    assert not wrong, (len(wrong), list(wrong.items())[:3])
    assert set(actual) == set(expected)


def test_an_accessed_recording_is_the_contacts_recording(warehouse: Warehouse) -> None:
    """Joined to fct_recordings, an access row's recording belongs to the contact it names, at the same place."""
    mismatched = warehouse.query(
        "select a.recording_access_event_id from main_marts.fct_recording_access_events as a"
        " inner join main_marts.fct_recordings as r on a.recording_id = r.recording_id"
        " where r.contact_id <> a.contact_id or r.recording_location <> a.recording_location"
    )
    assert mismatched == []
    [(joined, total)] = warehouse.query(
        "select count(recording_id), count(*) from main_marts.fct_recording_access_events"
    )
    assert joined > 0.9 * total


def test_who_and_from_where_carry_the_pii_tag(warehouse: Warehouse) -> None:
    manifest = json.loads(Path(warehouse.target / "manifest.json").read_text())
    for model in ("fct_api_audit_events", "fct_recording_access_events"):
        node = manifest["nodes"][f"model.connect_lake.{model}"]
        tagged = {
            name
            for name, column in node["columns"].items()
            if column.get("meta", {}).get("lf_tags", {}).get("data_classification") == "pii"
        }
        assert tagged == {"actor_name", "source_ip_address"}, model
