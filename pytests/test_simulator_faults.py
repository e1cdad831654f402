"""Each fault of the real service is actually injected, and the truth says where."""

from __future__ import annotations

import csv
import gzip
import re
from collections import Counter, defaultdict
from datetime import datetime

import orjson
import pytest

from lakes import Lake

ISO_8601 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:?\d{2})$")


def is_iso_8601(value: str) -> bool:
    if not ISO_8601.match(value):
        return False
    try:
        datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return False
    return True


def ctr_copies(lake: Lake) -> dict[str, list[dict]]:
    copies: dict[str, list[dict]] = defaultdict(list)
    for record in lake.records("contact_records"):
        copies[record["ContactId"]].append(record)
    return copies


def test_some_contact_records_are_delivered_twice_unchanged(lake: Lake) -> None:
    identical = [
        c for c in ctr_copies(lake).values() if len(c) > 1 and any(a == b for i, a in enumerate(c) for b in c[i + 1 :])
    ]
    assert len(identical) >= 10


def test_redelivered_record_has_newer_last_update_timestamp_and_changed_attributes(lake: Lake) -> None:
    redelivered = 0
    for copies in ctr_copies(lake).values():
        stamps = sorted({c["LastUpdateTimestamp"] for c in copies})
        if len(stamps) < 2:
            continue
        redelivered += 1
        oldest = next(c for c in copies if c["LastUpdateTimestamp"] == stamps[0])
        newest = next(c for c in copies if c["LastUpdateTimestamp"] == stamps[-1])
        assert newest["Attributes"] != oldest["Attributes"]
        assert stamps[-1][:10] > stamps[0][:10]  # days later
    assert redelivered >= 5


def test_redeliveries_land_in_later_arrival_hours(lake: Lake) -> None:
    first_prefix: dict[str, str] = {}
    later = 0
    malformed = lake.malformed_lines()
    for path, number, line in sorted(lake.lines("contact_records")):
        if (str(path.relative_to(lake.raw)), number) in malformed:
            continue
        contact_id = orjson.loads(line)["ContactId"]
        prefix = "/".join(path.parts[-5:-1])
        if contact_id in first_prefix and prefix[:10] > first_prefix[contact_id][:10]:
            later += 1
        first_prefix.setdefault(contact_id, prefix)
    assert later > 0


def test_attribute_keys_that_differ_only_by_case_occur(lake: Lake) -> None:
    both = sum(
        1
        for r in lake.records("contact_records")
        if "GreetingPlayed" in r["Attributes"] and "greetingPlayed" in r["Attributes"]
    )
    assert both >= 10


def test_malformed_lines_are_where_the_manifest_says_and_broken_as_it_says(lake: Lake) -> None:
    malformed = lake.malformed_lines()
    assert malformed
    kinds = Counter(reason.split(":")[0] for reason in malformed.values())
    assert set(kinds) == {
        "invalid_json",
        "invalid_utf8",
        "missing_field",
        "invalid_timestamp",
        "invalid_number",
        "negative_duration",
    }, kinds
    for (key, number), reason in malformed.items():
        lines = gzip.decompress((lake.raw / key).read_bytes()).split(b"\n")
        if number >= 100_000:
            # element e of line L of a record-array source (CloudTrail's Records) is numbered L * 100000 + e
            document = orjson.loads(lines[number // 100_000 - 1])
            line = orjson.dumps((document.get("Records") or document["logEvents"])[number % 100_000 - 1])
        else:
            line = lines[number - 1]
        if reason == "invalid_utf8":
            with pytest.raises(UnicodeDecodeError):
                line.decode("utf-8")
            continue
        try:
            record = orjson.loads(line)
        except orjson.JSONDecodeError:
            assert reason == "invalid_json", (key, number, reason)
            continue
        family, field = reason.split(":")
        value = record
        for part in field.split("."):
            value = value.get(part) if isinstance(value, dict) else None
        if family == "missing_field":
            assert value is None, (key, number, reason)
        elif family == "invalid_timestamp":
            assert not is_iso_8601(value), (key, number, reason)
        elif family == "invalid_number":
            assert not (isinstance(value, int) and -(2**31) <= value < 2**31), (key, number, reason)
        else:
            assert family == "negative_duration", reason
            assert (isinstance(value, int) and value < 0) or value < record["InitiationTimestamp"], reason


def test_corrupt_objects_cannot_be_read_as_their_reason_says(lake: Lake) -> None:
    corrupt = lake.corrupt_objects()
    assert set(corrupt.values()) == {"empty_object", "truncated_gzip", "not_gzip"}
    for key, reason in corrupt.items():
        data = (lake.raw / key).read_bytes()
        if reason == "empty_object":
            assert data == b""
        elif reason == "not_gzip":
            assert data and not data.startswith(b"\x1f\x8b")
        else:
            with pytest.raises(EOFError):
                gzip.decompress(data)


def test_every_valid_record_still_arrives_beside_malformed_lines(lake: Lake) -> None:
    landed = {r["ContactId"] for r in lake.records("contact_records")}
    with open(lake.truth / "contacts.csv") as handle:
        truth = {row["contact_id"] for row in csv.DictReader(handle)}
    assert landed == truth


def test_some_objects_land_late(lake: Lake) -> None:
    with open(lake.truth / "landing_objects.csv") as handle:
        rows = list(csv.DictReader(handle))
    late = [r for r in rows if r["is_late"] == "1"]
    assert late and all(r["visible_at"] > r["first_arrival_at"] for r in late)
    assert len({r["key"] for r in rows}) == len(rows)


def test_contacts_span_hour_and_day_boundaries(lake: Lake) -> None:
    hours = days = 0
    for record in lake.records("contact_records"):
        start, end = record["InitiationTimestamp"], record["DisconnectTimestamp"]
        if end is None:
            continue
        hours += start[:13] != end[:13]
        days += start[:10] != end[:10]
    assert hours > 50 and days > 0


def test_agent_events_are_sometimes_delivered_twice(lake: Lake) -> None:
    seen: set[str] = set()
    twice = 0
    for event in lake.records("agent_events"):
        twice += event["EventId"] in seen
        seen.add(event["EventId"])
    assert twice > 0


def test_faults_can_all_be_switched_off(tmp_path) -> None:
    from connect_lake.landing.firehose import DeliveryFaults
    from connect_lake.simulate.delivery import ContactFaults
    from connect_lake.simulate.engine import simulate
    from lakes import small_settings

    summary = simulate(
        small_settings(
            tmp_path / "raw",
            tmp_path / "truth",
            days=1,
            daily_contacts=200,
            contact_faults=ContactFaults(0, 0, case_duplicate_key_rate=0, agent_event_duplicate_rate=0),
            delivery_faults=DeliveryFaults(),
        )
    )
    counts = summary["counts"]
    assert counts["duplicates"] == counts["redeliveries"] == counts["case_duplicate_keys"] == 0
    assert counts["malformed_lines"] == counts["late_objects"] == counts["agent_event_duplicates"] == 0
    assert counts["corrupt_objects"] == 0
