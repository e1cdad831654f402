"""A landing zone as a real one behaves, every fault at once, in one build.

The faulty lake is the session's lake (hard links: nothing of it changes) in a folder whose path has an
apostrophe, a space and non-ASCII letters, plus:
- objects that cannot be read (zero bytes, a gzip stream cut short, uncompressed bytes named .gz, a zero-byte
  Contact Lens document) and objects out of place (too deep, a stray file at the top, a hidden file);
- objects of one broken line each (not UTF-8, not JSON, a record without a field, with a timestamp that is not
  ISO-8601, with a number that does not fit, with a negative duration), also under an odd name, and records
  written back to back without newlines (one line of 17 MiB);
- a contact record whose audio quality score is not a number; metric-stream datapoints whose maximum is not a
  number, whose timestamp is ISO-8601 text, and one of another namespace (staged, not an instance metric);
- Lex conversation-log envelopes with log events whose message is not JSON, lacks its requestId or has no
  timestamp, a CONTROL_MESSAGE envelope, and two envelopes back to back without a newline;
- CloudTrail log files without their Records array, with an event without its id or with a time that is not
  ISO-8601, and with no events at all;
- objects rewritten in another form that means the same: CRLF line endings, a multi-member gzip stream,
  timestamps with an explicit offset and an unknown extra field, a Contact Lens document pretty-printed over
  many lines, one without CustomerMetadata, one with a Windows-safe name.
The build must succeed; every mart must hold exactly what the clean build holds (every valid record arrived,
with its values unchanged); and every injected fault must be in the quarantine with its key and reason.
"""

from __future__ import annotations

import gzip
import os
import shutil
from pathlib import Path

import orjson
import pytest

from lakes import REPO, Lake, Warehouse, build_warehouse, dbt_env, run_dbt

MARTS = sorted(p.stem for p in (REPO / "models/marts").rglob("*.sql"))
# columns that say when or from which object a row was built, not what it holds
LINEAGE_COLUMNS = {"_ingested_at"}


def link_tree(source: Path, target: Path) -> None:
    for path in source.rglob("*"):
        if path.is_file():
            destination = target / path.relative_to(source)
            destination.parent.mkdir(parents=True, exist_ok=True)
            os.link(path, destination)


def replace_file(path: Path, payload: bytes) -> None:
    """Write a new file at `path` without touching the clean lake's file it was linked to."""
    path.unlink()
    path.write_bytes(payload)


class FaultyLake:
    def __init__(self, clean: Lake, root: Path) -> None:
        self.clean = clean
        self.raw = root / "raw"
        self.expected: dict[tuple[str, int | None], str] = {}  # (key, line) -> reason
        self.rewritten_contact_lens: list[str] = []
        link_tree(clean.raw, self.raw)

    def add(self, key: str, payload: bytes, reason: str | None = None, line: int | None = None) -> None:
        path = self.raw / key
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(payload)
        if reason:
            self.expected[(key, line)] = reason

    def first_object(self, source: str, index: int = 0) -> Path:
        return self.clean.objects(source)[index]

    def first_record(self, source: str, index: int = 0) -> dict:
        path = self.first_object(source, index)
        malformed = self.clean.malformed_lines()
        key = str(path.relative_to(self.clean.raw))
        for number, line in enumerate(gzip.decompress(path.read_bytes()).split(b"\n")[:-1], 1):
            if (key, number) not in malformed:
                return orjson.loads(line)
        raise AssertionError(f"no record in {key}")

    def broken_line(self, source: str, name: str, line: bytes, reason: str | None, compress: bool = True) -> None:
        folder = "/".join(str(self.first_object(source).relative_to(self.clean.raw)).split("/")[:5])
        payload = line + b"\n"
        self.add(f"{folder}/{name}", gzip.compress(payload) if compress else payload, reason, 1)


@pytest.fixture(scope="module")
def faulty(lake: Lake, tmp_path_factory: pytest.TempPathFactory) -> FaultyLake:
    root = tmp_path_factory.mktemp("faults") / "lake d'O'Brien — café"
    faulty = FaultyLake(lake, root)
    ctr_folder = "/".join(str(faulty.first_object("contact_records").relative_to(lake.raw)).split("/")[:5])

    # objects that cannot be read, in every Firehose source, and a zero-byte Contact Lens document
    real = gzip.compress(b'{"ok": true}\n')
    faulty.add(f"{ctr_folder}/zero-byte.gz", b"", "empty_object")
    faulty.add(f"{ctr_folder}/not-gzip.gz", b'{"ContactId": "x"}\n', "not_gzip")
    for source, name, payload, reason in (
        ("agent_events", "truncated.gz", real[:-9], "truncated_gzip"),
        ("agent_events", "zero-byte.gz", b"", "empty_object"),
        ("customer_profiles", "uncompressed.gz", b'{"EventId": "x"}\n', "not_gzip"),
        ("customer_profiles", "zero-byte.gz", b"", "empty_object"),
        ("contact_flow_logs", "truncated.gz", real[:-5], "truncated_gzip"),
    ):
        folder = "/".join(str(faulty.first_object(source).relative_to(lake.raw)).split("/")[:5])
        faulty.add(f"{folder}/{name}", payload, reason)
    document = sorted((lake.raw / "contact_lens/Analysis/Voice/Redacted").rglob("*.json"))[0]
    empty_document = document.with_name(
        "0badc0de-0000-4000-8000-000000000001_analysis_redacted_2026-11-03T10:00:00Z.json"
    )
    faulty.add(str(empty_document.relative_to(lake.raw)), b"", "empty_object")

    # objects out of place: one folder too deep, at the top of the source, hidden
    faulty.add(f"{ctr_folder}/retry/too-deep.gz", real, "unexpected_object_key")
    faulty.add("contact_records/README.txt", b"landing zone of acme-care\n", "unexpected_object_key")
    faulty.add(f"{ctr_folder}/.partial-upload.gz", real, "unexpected_object_key")

    # one broken record per object: the build goes on, the record is quarantined by name
    ctr = faulty.first_record("contact_records")
    event = faulty.first_record("agent_events")

    def ctr_copy(**changes) -> bytes:
        record = orjson.loads(orjson.dumps(ctr))
        for field, value in changes.items():
            if value is None:
                record.pop(field, None)
            else:
                record[field] = value
        return orjson.dumps(record)

    faulty.broken_line(
        "contact_records", "bad-utf8.gz", ctr_copy()[:30] + b"\xff\xfe" + ctr_copy()[30:], "invalid_utf8"
    )
    faulty.broken_line(
        "contact_records", "no-last-update.gz", ctr_copy(LastUpdateTimestamp=None), "missing_field:LastUpdateTimestamp"
    )
    faulty.broken_line(
        "contact_records",
        "not-iso.gz",
        ctr_copy(LastUpdateTimestamp="03/11/2026 10:00"),
        "invalid_timestamp:LastUpdateTimestamp",
    )
    for name, value in (("n-a", "n/a"), ("fraction", 1.6), ("too-big", 4e9)):
        faulty.broken_line(
            "contact_records",
            f"attempts-{name}.gz",
            ctr_copy(AgentConnectionAttempts=value),
            "invalid_number:AgentConnectionAttempts",
        )
    faulty.broken_line(
        "contact_records",
        "disconnect-first.gz",
        ctr_copy(DisconnectTimestamp="2000-01-01T00:00:00Z"),
        "negative_duration:DisconnectTimestamp",
    )
    faulty.broken_line("contact_records", "records.json", b"<html>503 Slow Down</html>", "invalid_json", compress=False)
    # a delivery stream without the newline processor writes records back to back: one line longer than the
    # engine's text reader takes
    concatenated = ctr_copy(ContactId="not-delimited") * (17 * 2**20 // len(ctr_copy()) + 1)
    faulty.broken_line("contact_records", "no-newlines.gz", concatenated, "invalid_json")
    faulty.broken_line(
        "agent_events",
        "event-no-time.gz",
        orjson.dumps({**event, "EventTimestamp": None}),
        "missing_field:EventTimestamp",
    )

    # call quality and the metric stream: a score that is not a number, a datapoint whose maximum is not one, a
    # timestamp written as ISO-8601 instead of epoch milliseconds; a datapoint of another namespace (an account's
    # stream carries them) is staged as a record and left out of the instance's marts
    voice = next(r for r in faulty.clean.records("contact_records") if r.get("QualityMetrics"))
    faulty.broken_line(
        "contact_records",
        "quality-n-a.gz",
        orjson.dumps({**voice, "QualityMetrics": {"Agent": {"Audio": {"QualityScore": "n/a"}}}}),
        "invalid_number:QualityMetrics.Agent.Audio.QualityScore",
    )
    datapoint = faulty.first_record("cloudwatch_metrics")
    faulty.broken_line(
        "cloudwatch_metrics",
        "max-nan.gz",
        orjson.dumps({**datapoint, "value": {**datapoint["value"], "max": "NaN"}}),
        "invalid_number:value.max",
    )
    faulty.broken_line(
        "cloudwatch_metrics",
        "iso-timestamp.gz",
        orjson.dumps({**datapoint, "timestamp": "2026-11-03T10:00:00Z"}),
        "invalid_number:timestamp",
    )
    faulty.broken_line(
        "cloudwatch_metrics",
        "other-namespace.gz",
        orjson.dumps({**datapoint, "namespace": "AWS/EC2", "metric_name": "CPUUtilization"}),
        None,
    )

    # CloudTrail log files: a document without Records, an event without its id and one with a time that is not
    # ISO-8601 (numbered by their place in the array), a file with no events (nothing to quarantine)
    trail = sorted((lake.raw / "cloudtrail").rglob("*.json.gz"))[0]
    trail_folder = str(trail.parent.relative_to(lake.raw))
    trail_event = orjson.loads(gzip.decompress(trail.read_bytes()))["Records"][0]
    account_region = trail.name.split("_")[0] + "_CloudTrail_" + trail.name.split("_")[2]
    trail_name = f"{trail_folder}/{account_region}_20261103T1000Z_" + "{}.json.gz"
    faulty.add(trail_name.format("NoRecords"), gzip.compress(b'{"records": []}\n'), "missing_field:Records", 1)
    faulty.add(
        trail_name.format("BadEvents"),
        gzip.compress(
            orjson.dumps(
                {
                    "Records": [
                        {**trail_event, "eventID": None},
                        {**trail_event, "eventTime": "Tue Nov 3 10:00:00 UTC 2026"},
                    ]
                }
            )
            + b"\n"
        ),
    )
    # element e of line 1 is numbered 100000 + e
    faulty.expected[(trail_name.format("BadEvents"), 100_001)] = "missing_field:eventID"
    faulty.expected[(trail_name.format("BadEvents"), 100_002)] = "invalid_timestamp:eventTime"
    faulty.add(trail_name.format("NoEvents"), gzip.compress(b'{"Records": []}\n'))

    # Lex conversation logs (subscription envelopes): log events whose message is not JSON, lacks its requestId,
    # or that have no timestamp (numbered 100000 + their place in line 1's logEvents); a CONTROL_MESSAGE envelope
    # (not data); two envelopes written back to back without a newline (Firehose without the delimiter)
    lex_object = faulty.first_object("lex_conversation_logs")
    lex_folder = "/".join(str(lex_object.relative_to(lake.raw)).split("/")[:5])
    real_envelope = next(
        orjson.loads(line)
        for line in gzip.decompress(lex_object.read_bytes()).split(b"\n")
        if line.startswith(b'{"messageType":"DATA_MESSAGE"')
    )
    event = real_envelope["logEvents"][0]
    entry = orjson.loads(event["message"])
    broken_events = [
        {**event, "id": "1" * 56, "message": "Lex says: not JSON"},
        {**event, "id": "2" * 56, "message": orjson.dumps({**entry, "requestId": None}).decode()},
        {"id": "3" * 56, "message": event["message"]},
    ]
    lex_key = f"{lex_folder}/acme-care-lex-logs-1-2026-11-03-10-00-00-broken-events.gz"
    faulty.add(lex_key, gzip.compress(orjson.dumps({**real_envelope, "logEvents": broken_events}) + b"\n"))
    faulty.expected[(lex_key, 100_001)] = "invalid_json:message"
    faulty.expected[(lex_key, 100_002)] = "missing_field:message.requestId"
    faulty.expected[(lex_key, 100_003)] = "missing_field:timestamp"
    control = {
        "messageType": "CONTROL_MESSAGE",
        "owner": "CloudwatchLogs",
        "logGroup": "",
        "logStream": "",
        "subscriptionFilters": [],
        "logEvents": [{"id": "", "timestamp": 1762164000000, "message": "CWL CONTROL MESSAGE: Checking health"}],
    }
    control_key = f"{lex_folder}/acme-care-lex-logs-1-2026-11-03-10-05-00-control.gz"
    faulty.add(control_key, gzip.compress(orjson.dumps(control)))
    faulty.broken_line(
        "lex_conversation_logs",
        "acme-care-lex-logs-1-2026-11-03-10-10-00-no-delimiter.gz",
        orjson.dumps({**real_envelope, "logEvents": broken_events[:1]}) * 2,
        "invalid_json",
    )

    # rewritten in a form that means the same: the values must come through unchanged
    crlf, multi, offsets = (
        faulty.first_object("contact_records", 1),
        faulty.first_object("contact_records", 2),
        faulty.first_object("contact_records", 3),
    )
    replace_file(
        faulty.raw / crlf.relative_to(lake.raw),
        gzip.compress(gzip.decompress(crlf.read_bytes()).replace(b"\n", b"\r\n")),
    )
    lines = gzip.decompress(multi.read_bytes()).split(b"\n")
    replace_file(
        faulty.raw / multi.relative_to(lake.raw),
        gzip.compress(b"\n".join(lines[:1]) + b"\n") + gzip.compress(b"\n".join(lines[1:])),
    )
    rewritten = []
    for line in gzip.decompress(offsets.read_bytes()).split(b"\n"):
        try:
            record = orjson.loads(line)
        except orjson.JSONDecodeError:
            rewritten.append(line)
            continue
        record["InitiationTimestamp"] = record["InitiationTimestamp"].replace("Z", "+00:00")
        record["SomeFieldConnectAddsNextYear"] = {"Nested": [1, 2]}
        rewritten.append(orjson.dumps(record))
    replace_file(faulty.raw / offsets.relative_to(lake.raw), gzip.compress(b"\n".join(rewritten)))

    documents = sorted((lake.raw / "contact_lens/Analysis/Chat/Redacted").rglob("*.json"))
    pretty, no_metadata, windows = documents[1], documents[2], documents[3]
    replace_file(
        faulty.raw / pretty.relative_to(lake.raw),
        orjson.dumps(orjson.loads(pretty.read_bytes()), option=orjson.OPT_INDENT_2),
    )
    without = orjson.loads(no_metadata.read_bytes())
    del without["CustomerMetadata"]
    replace_file(faulty.raw / no_metadata.relative_to(lake.raw), orjson.dumps(without))
    windows_target = faulty.raw / windows.relative_to(lake.raw)
    windows_target.rename(windows_target.with_name(windows.name.replace(":", "_")))
    faulty.rewritten_contact_lens = [p.name.split("_analysis_")[0] for p in (pretty, no_metadata, windows)]
    return faulty


@pytest.fixture(scope="module")
def faulty_warehouse(faulty: FaultyLake, tmp_path_factory: pytest.TempPathFactory) -> Warehouse:
    return build_warehouse(Lake(faulty.raw.parent, faulty.clean.summary), tmp_path_factory.mktemp("faulty_build"))


def rows(warehouse: Warehouse, model: str) -> list[tuple]:
    """The model's rows without lineage columns, doubles to the microsecond (sums in another order differ in
    the last bits)."""
    described = warehouse.query(f"describe main_marts.{model}")
    columns = ", ".join(
        f'round("{name}", 6)' if kind in ("DOUBLE", "FLOAT") else f'"{name}"'
        for name, kind, *_ in described
        if name not in LINEAGE_COLUMNS
    )
    return sorted(warehouse.query(f"select {columns} from main_marts.{model}"), key=repr)


@pytest.mark.parametrize("model", MARTS)
def test_every_mart_holds_what_the_clean_build_holds(
    model: str, faulty_warehouse: Warehouse, warehouse: Warehouse
) -> None:
    faulty, clean = rows(faulty_warehouse, model), rows(warehouse, model)
    assert faulty == clean, f"{model}: {len(set(faulty) ^ set(clean))} rows differ"


def test_every_injected_fault_is_quarantined_with_its_key_and_reason(
    faulty: FaultyLake, faulty_warehouse: Warehouse, warehouse: Warehouse
) -> None:
    def quarantined(w: Warehouse, root: Path) -> dict[tuple[str, int | None], str]:
        return {
            (str(Path(path).relative_to(root)), line): reason
            for path, line, reason in w.query(
                "select source_file, line_number, quarantine_reason from main_staging.stg_connect__quarantine"
            )
        }

    clean = quarantined(warehouse, faulty.clean.raw)
    found = quarantined(faulty_warehouse, faulty.raw)
    assert {k: v for k, v in found.items() if k not in clean} == faulty.expected
    assert {k: v for k, v in found.items() if k in clean} == clean


def test_contact_lens_documents_in_other_forms_are_read_as_their_contact(
    faulty: FaultyLake, faulty_warehouse: Warehouse
) -> None:
    read = {
        contact_id
        for (contact_id,) in faulty_warehouse.query(
            "select contact_id from main_staging.base_connect__contact_lens_analyses where _row_kind = 'record'"
        )
    }
    assert set(faulty.rewritten_contact_lens) <= read


def test_a_missing_or_empty_landing_folder_stops_staging_with_a_clear_message(tmp_path: Path) -> None:
    for raw in (tmp_path / "typo", tmp_path / "empty"):
        if raw.name == "empty":
            (raw / "contact_records").mkdir(parents=True)
        env = dbt_env(Lake(raw.parent, {}), tmp_path / "w.duckdb") | {"CONNECT_LAKE_RAW_PATH": str(raw)}
        with pytest.raises(AssertionError) as failure:
            run_dbt(["run-operation", "stage_raw_sources"], env, tmp_path / "target")
        assert f"no landed object of any source under {raw}" in str(failure.value)
        assert "contact_records/" in str(failure.value)
    run_dbt(["run-operation", "stage_raw_sources", "--args", "{allow_empty: true}"], env, tmp_path / "target")


def test_building_before_staging_says_to_stage_first(lake: Lake, tmp_path: Path) -> None:
    env = dbt_env(lake, tmp_path / "unstaged.duckdb")
    with pytest.raises(AssertionError) as failure:
        run_dbt(["run", "--select", "base_connect__contact_records"], env, tmp_path / "target")
    assert "Stage the landing zone first" in str(failure.value)
    shutil.rmtree(tmp_path / "target", ignore_errors=True)
