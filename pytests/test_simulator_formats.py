"""The landed files look exactly like what Connect, Firehose, CloudWatch, Contact Lens and Profiles write."""

from __future__ import annotations

import gzip
import itertools
import json
import re
from collections import defaultdict
from datetime import datetime
from pathlib import Path

import orjson
import yaml

from lakes import REPO, Lake

ISO_SECONDS = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$")
ISO_MILLIS = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$")
FIREHOSE_KEY = re.compile(
    r"^(?P<source>[a-z_]+)/(?P<y>\d{4})/(?P<m>\d{2})/(?P<d>\d{2})/(?P<h>\d{2})/"
    r"(?P<stream>[a-z-]+)-1-(?P<stamp>\d{4}-\d{2}-\d{2}-\d{2}-\d{2}-\d{2})-[0-9a-f-]{36}\.gz$"
)
CTR_TIMESTAMP_FIELDS = (
    "InitiationTimestamp",
    "ConnectedToSystemTimestamp",
    "DisconnectTimestamp",
    "LastUpdateTimestamp",
    "TransferCompletedTimestamp",
    "ScheduledTimestamp",
)


def declared_ctr_fields() -> dict[str, str]:
    sources = yaml.safe_load((REPO / "models/staging/connect/_connect__sources.yml").read_text())
    table = next(t for t in sources["sources"][0]["tables"] if t["name"] == "contact_records")
    return {c["name"]: c["data_type"] for c in table["columns"] if not c["name"].startswith("_")}


def json_type_ok(value: object, hive_type: str) -> bool:
    if value is None:
        return True
    hive_type = hive_type.strip().lower()
    if hive_type == "string":
        return isinstance(value, (str, dict, list))  # json_text fields are objects kept as text downstream
    if hive_type in ("int", "bigint"):
        return isinstance(value, int) and not isinstance(value, bool)
    if hive_type.startswith("struct<"):
        return isinstance(value, dict)
    if hive_type.startswith("array<"):
        return isinstance(value, list)
    raise AssertionError(f"unexpected declared type {hive_type}")


def test_every_declared_ctr_field_is_present_with_its_json_type(lake: Lake) -> None:
    fields = declared_ctr_fields()
    records = list(lake.records("contact_records"))
    assert len(records) > 1000
    for record in records:
        missing = set(fields) - set(record)
        assert not missing, f"{record['ContactId']} lacks {missing}"
        for name, hive_type in fields.items():
            assert json_type_ok(record[name], hive_type), (name, record[name])


def test_ctr_timestamps_are_iso_seconds_and_durations_integers(lake: Lake) -> None:
    for record in lake.records("contact_records"):
        for name in CTR_TIMESTAMP_FIELDS:
            assert record[name] is None or ISO_SECONDS.match(record[name]), (name, record[name])
        if record["Queue"] is not None:
            assert isinstance(record["Queue"]["Duration"], int)
        if record["Agent"] is not None:
            agent = record["Agent"]
            assert ISO_SECONDS.match(agent["ConnectedToAgentTimestamp"])
            assert isinstance(agent["AgentInteractionDuration"], int)
            assert agent["HierarchyGroups"]["Level4"] is None  # unused levels are explicit nulls
        assert record["Campaign"] == {"CampaignId": None}
        assert record["ContactDetails"] == {} and record["References"] == []
        assert isinstance(record["Attributes"], dict)
        assert all(isinstance(v, str) for v in record["Attributes"].values())


def test_first_leg_has_no_initial_contact_id_and_later_legs_point_to_the_first(lake: Lake) -> None:
    by_id = {r["ContactId"]: r for r in lake.records("contact_records")}
    later = [r for r in by_id.values() if r["PreviousContactId"] is not None]
    assert later
    for record in later:
        first = by_id.get(record["InitialContactId"])
        assert first is not None and first["InitialContactId"] is None and first["PreviousContactId"] is None


def test_firehose_objects_are_named_and_prefixed_by_the_arrival_hour_of_their_oldest_record(lake: Lake) -> None:
    for source in ("contact_records", "agent_events", "contact_flow_logs", "customer_profiles"):
        objects = lake.objects(source)
        assert objects, source
        for path in objects:
            match = FIREHOSE_KEY.match(path.relative_to(lake.raw).as_posix())
            assert match, path
            # the name carries the oldest arrival; the prefix is its hour
            assert match["stamp"][:13] == f"{match['y']}-{match['m']}-{match['d']}-{match['h']}"
            payload = gzip.decompress(path.read_bytes())
            assert payload.endswith(b"\n") and b"\n\n" not in payload  # newline-delimited, one record a line


def test_an_object_can_hold_records_of_the_next_hour(lake: Lake) -> None:
    """Buffers are not aligned to the clock, so the prefix hour is not the hour of every record in it."""
    hours_by_object = defaultdict(set)
    malformed = lake.malformed_lines()
    for path, number, line in lake.lines("agent_events"):
        if (path.relative_to(lake.raw).as_posix(), number) not in malformed:
            hours_by_object[path].add(orjson.loads(line)["EventTimestamp"][11:13])
    spills = sum(
        any(hour != path.relative_to(lake.raw).as_posix().split("/")[4] for hour in hours)
        for path, hours in hours_by_object.items()
    )
    assert spills > 0


def test_agent_events_have_the_agent_event_stream_shape(lake: Lake) -> None:
    kinds: dict[str, int] = defaultdict(int)
    for event in lake.records("agent_events"):
        kinds[event["EventType"]] += 1
        assert ISO_MILLIS.match(event["EventTimestamp"])
        current = event["CurrentAgentSnapshot"]
        assert set(current) >= {"AgentStatus", "Configuration", "Contacts"}
        assert current["AgentStatus"]["Type"] in ("ROUTABLE", "CUSTOM", "OFFLINE")
        config = current["Configuration"]
        assert set(config["AgentHierarchyGroups"]) == {"Level1", "Level2", "Level3", "Level4", "Level5"}
        assert config["RoutingProfile"]["Concurrency"]
        for contact in current["Contacts"]:
            assert contact["State"] in (
                "CONNECTING",
                "CONNECTED",
                "CONNECTED_ONHOLD",
                "ENDED",
                "MISSED",
                "PAUSED",
                "ERROR",
                "REJECTED",
            )
            assert contact["Channel"] in ("VOICE", "CHAT", "TASKS")
        if event["EventType"] == "LOGIN":
            assert event["PreviousAgentSnapshot"] is None
        else:
            assert event["PreviousAgentSnapshot"] is not None
    assert set(kinds) == {"LOGIN", "LOGOUT", "STATE_CHANGE", "HEART_BEAT"}


def test_heart_beats_fill_every_two_minutes_without_other_events(lake: Lake) -> None:
    stamps: dict[str, set[str]] = defaultdict(set)
    for event in lake.records("agent_events"):
        stamps[event["AgentARN"]].add(event["EventTimestamp"])
    for arn, values in stamps.items():
        ordered = sorted(values)
        times = [datetime.fromisoformat(v.replace("Z", "+00:00")).timestamp() for v in ordered]
        gaps = [b - a for a, b in itertools.pairwise(times)]
        # between the last heartbeat after a logout and the next login a gap is expected; otherwise <= 120 s
        long_gaps = [g for g in gaps if g > 120.5]
        assert len(long_gaps) <= 3 * 2, (arn, long_gaps)  # at most one per night, 3 days


def test_heart_beats_continue_after_logout(lake: Lake) -> None:
    logged_out: dict[str, bool] = {}
    after_logout = 0
    for event in sorted(lake.records("agent_events"), key=lambda e: e["EventTimestamp"]):
        arn, kind = event["AgentARN"], event["EventType"]
        if kind in ("LOGIN", "LOGOUT"):
            logged_out[arn] = kind == "LOGOUT"
        elif kind == "HEART_BEAT" and logged_out.get(arn):
            after_logout += 1
    assert after_logout > 0


def test_heart_beats_stop_within_an_hour_of_logout(lake: Lake) -> None:
    """Connect keeps sending heartbeats for a while after logout, not until the next login."""
    logged_out_at: dict[str, float] = {}
    for event in sorted(lake.records("agent_events"), key=lambda e: e["EventTimestamp"]):
        arn, kind = event["AgentARN"], event["EventType"]
        at = datetime.fromisoformat(event["EventTimestamp"].replace("Z", "+00:00")).timestamp()
        if kind == "LOGOUT":
            logged_out_at[arn] = at
        elif kind == "LOGIN":
            logged_out_at.pop(arn, None)
        elif kind == "HEART_BEAT" and arn in logged_out_at:
            assert at - logged_out_at[arn] <= 3_600 + 120, (arn, event["EventTimestamp"])


def test_chat_agents_hold_several_chats_at_once(lake: Lake) -> None:
    most = max(
        sum(c["Channel"] == "CHAT" for c in e["CurrentAgentSnapshot"]["Contacts"]) for e in lake.records("agent_events")
    )
    assert most >= 2


def test_flow_log_entries_are_one_block_per_line(lake: Lake) -> None:
    types = set()
    for entry in lake.records("contact_flow_logs"):
        assert {
            "ContactId",
            "ContactFlowId",
            "ContactFlowName",
            "ContactFlowModuleType",
            "Identifier",
            "Timestamp",
            "Parameters",
        } <= set(entry)
        assert ISO_MILLIS.match(entry["Timestamp"])
        types.add(entry["ContactFlowModuleType"])
    assert {
        "SetLoggingBehavior",
        "PlayPrompt",
        "GetUserInput",
        "InvokeExternalResource",
        "SetQueue",
        "TransferToQueue",
        "Disconnect",
        "SetAttributes",
        "CheckHoursOfOperation",
    } <= types


def test_contact_lens_files_are_keyed_and_shaped_as_contact_lens_writes_them(lake: Lake) -> None:
    root = lake.raw / "contact_lens" / "Analysis"
    corrupt = lake.corrupt_objects()
    files = sorted(p for p in root.rglob("*.json") if p.relative_to(lake.raw).as_posix() not in corrupt)
    assert files
    pattern = re.compile(
        r"^(Voice|Chat)/(Redacted/)?\d{4}/\d{2}/\d{2}/(?P<id>[0-9a-f-]{36})_analysis_(redacted_)?"
        r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z\.json$"
    )
    seen = defaultdict(set)
    for path in files:
        relative = path.relative_to(root).as_posix()
        match = pattern.match(relative)
        assert match, relative
        text = path.read_bytes()
        assert b"\n" not in text.strip()  # one document, on one line
        document = orjson.loads(text)
        assert document["CustomerMetadata"]["ContactId"] == match["id"]
        redacted = "/Redacted/" in f"/{relative}"
        assert document["ContentMetadata"]["Output"] == ("Redacted" if redacted else "Raw")
        seen[redacted].add(match["id"])
        sentiment = document["ConversationCharacteristics"]["Sentiment"]
        overall = sentiment["OverallSentiment"]
        scores = overall.get("DetailsByParticipantRole", overall)
        assert all(-5 <= scores[k] <= 5 for k in ("AGENT", "CUSTOMER"))
    assert seen[True] == seen[False]  # every analysis has its redacted twin


def test_redacted_transcripts_hold_no_customer_phone_numbers(lake: Lake) -> None:
    phones = {row.split(",")[10] for row in (lake.truth / "contacts.csv").read_text().splitlines()[1:]}
    corrupt = lake.corrupt_objects()
    redacted = sorted(
        p
        for p in (lake.raw / "contact_lens" / "Analysis").rglob("Redacted/**/*.json")
        if p.relative_to(lake.raw).as_posix() not in corrupt
    )
    assert redacted
    for path in redacted[:300]:
        text = path.read_text()
        assert "[PII]" in text
        assert not any(phone in text for phone in phones if phone)


def test_customer_profile_events_carry_whole_standard_profiles(lake: Lake) -> None:
    types = set()
    for event in lake.records("customer_profiles"):
        types.add(event["EventType"])
        assert event["ObjectTypeName"] == "_profile"
        profile = event["Object"]
        assert profile["ProfileId"] == event["AssociatedProfileId"]
        assert {"FirstName", "LastName", "PhoneNumber", "EmailAddress", "Address", "Attributes"} <= set(profile)
    assert types == {"CREATED", "UPDATED"}


def test_cli_has_help() -> None:
    import subprocess
    import sys

    for args in ([], ["simulate"]):
        result = subprocess.run(
            [sys.executable, "-m", "connect_lake.cli", *args, "--help"], capture_output=True, text=True
        )
        assert result.returncode == 0 and "usage:" in result.stdout


def test_summary_is_valid_json(lake: Lake) -> None:
    summary = json.loads((lake.truth / "summary.json").read_text())
    assert summary["counts"]["contact_legs_delivered"] > 0
    assert Path(lake.truth).resolve() not in Path(lake.raw).resolve().parents
