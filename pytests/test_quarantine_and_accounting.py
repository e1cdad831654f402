"""Every landed line is accounted for: the quarantine holds exactly the faults the simulator injected, each with
the reason its truth gives, and the landing accounting adds up to what Python counts in the objects."""

from __future__ import annotations

import gzip
from collections import Counter, defaultdict
from pathlib import Path

import orjson
import pytest

from lakes import FIREHOSE_SOURCES, Lake, Warehouse

# the key a staging model deduplicates each source on, read off the raw record
RECORD_KEYS = {
    "contact_records": lambda r: r["ContactId"],
    "agent_events": lambda r: r["EventId"],
    "contact_flow_logs": lambda r: (r["ContactId"], r["Identifier"], r["Timestamp"]),
    "customer_profiles": lambda r: r["EventId"],
    "cloudwatch_metrics": lambda r: (
        r["metric_name"],
        *(r["dimensions"].get(d) for d in ("MetricGroup", "InstanceId", "QueueName", "ContactFlowName")),
        r["timestamp"],
    ),
}
# the sources whose lines hold their records in an array: where they land, which key parts are the landing
# folder, the array, and the staging key of an element
ARRAY_SOURCES = {
    "cloudtrail": ("cloudtrail", slice(5, 8), "Records", lambda e: e["eventID"]),
    "lex_conversation_logs": (
        "lex_conversation_logs",
        slice(1, 5),
        "logEvents",
        lambda e: orjson.loads(e["message"])["requestId"],
    ),
}
CONTACT_LENS = "contact_lens_analysis_redacted"
# the configuration snapshots declared as sources: one record per resource and snapshot
CONFIG_IDS = {
    "config_queues": "QueueId",
    "config_routing_profiles": "RoutingProfileId",
    "config_users": "Id",
    "config_user_hierarchy_structure": None,
    "config_hours_of_operation": "HoursOfOperationId",
    "config_contact_flows": "Id",
}
RECORD_KEYS.update(
    {
        source: (lambda r, field=field: (r[field] if field else None, r["SnapshotTime"]))
        for source, field in CONFIG_IDS.items()
    }
)
# where each line-per-record source lands, and how many folder levels its landing folder has
LINE_SOURCES = {
    **{source: (source, 4) for source in FIREHOSE_SOURCES},
    **{source: ("connect_config/" + source.removeprefix("config_"), 3) for source in CONFIG_IDS},
}


def relative(lake: Lake, path: str) -> str:
    return str(Path(path).relative_to(lake.raw))


def test_every_injected_fault_is_quarantined_with_its_reason_and_nothing_else(lake: Lake, warehouse: Warehouse) -> None:
    expected = {(key, number): reason for (key, number), reason in lake.malformed_lines().items()}
    # the original Contact Lens output is not read unless var allow_original_transcripts is on
    expected.update(
        {
            (key, None): reason
            for key, reason in lake.corrupt_objects().items()
            if "/Redacted/" in key or not key.startswith("contact_lens/")
        }
    )
    quarantined = {
        (relative(lake, path), number): reason
        for path, number, reason in warehouse.query(
            "select source_file, line_number, quarantine_reason from main_staging.stg_connect__quarantine"
        )
    }
    assert set(Counter(r.split(":")[0] for r in expected.values())) >= {
        "invalid_json",
        "invalid_utf8",
        "missing_field",
        "invalid_timestamp",
        "invalid_number",
        "negative_duration",
        "empty_object",
        "truncated_gzip",
        "not_gzip",
    }
    wrong = {k: (v, quarantined.get(k)) for k, v in expected.items() if quarantined.get(k) != v}
    assert not wrong, (len(wrong), list(wrong.items())[:5])
    extra = set(quarantined) - set(expected)
    assert not extra, list(extra)[:5]


def test_the_quarantine_warning_counts_by_source_and_reason(warehouse: Warehouse) -> None:
    from lakes import data_test_statuses

    statuses = {k: v for k, v in data_test_statuses(warehouse).items() if "quarantine_is_empty" in k}
    assert list(statuses.values()) == ["warn"]


@pytest.mark.parametrize("source", FIREHOSE_SOURCES)
def test_every_line_is_read_and_numbered_as_in_its_object(source: str, lake: Lake, warehouse: Warehouse) -> None:
    """Each line of each readable object is one row of the base model, at its line number: a record with its key,
    a quarantined line with its excerpt."""
    key_column = {
        "contact_records": "contact_id",
        "agent_events": "event_id",
        "contact_flow_logs": "contact_id",
        "customer_profiles": "event_id",
        "cloudwatch_metrics": "metric_name",
    }[source]
    rows = {
        (relative(lake, path), number): (kind, key, excerpt)
        for path, number, kind, key, excerpt in warehouse.query(
            f"select _source_file, _line_number, _row_kind, {key_column}, line_excerpt "
            f"from main_staging.base_connect__{source} where _row_kind <> 'quarantined_object'"
        )
    }
    malformed = lake.malformed_lines()
    expected = 0
    for path, number, line in lake.lines(source):
        expected += 1
        where = (relative(lake, str(path)), number)
        kind, key, excerpt = rows[where]
        if where in malformed:
            assert kind == "quarantined_line", where
            assert excerpt == line.decode("utf-8", errors="replace")[:500], where
        else:
            record = orjson.loads(line)
            field = {
                "contact_flow_logs": "ContactId",
                "contact_records": "ContactId",
                "cloudwatch_metrics": "metric_name",
            }.get(source, "EventId")
            assert (kind, key) == ("record", record[field]), where
    assert len(rows) == expected > 1000


def python_accounting(lake: Lake) -> dict[tuple[str, str], Counter]:
    """Per raw source and landing folder, what the objects hold, counted in Python from the files."""
    counts: dict[tuple[str, str], Counter] = defaultdict(Counter)
    malformed = lake.malformed_lines()
    corrupt = lake.corrupt_objects()
    for source, (prefix, levels) in LINE_SOURCES.items():
        keys_seen: Counter = Counter()
        for path in sorted((lake.raw / prefix).rglob("*.gz")):
            key = relative(lake, str(path))
            folder = "/".join(key[len(prefix) + 1 :].split("/")[:levels])
            tally = counts[(source, folder)]
            tally["objects_landed"] += 1
            tally["bytes_landed"] += path.stat().st_size
            if key in corrupt:
                tally["objects_quarantined"] += 1
                continue
            for number, line in enumerate(gzip.decompress(path.read_bytes()).split(b"\n")[:-1], 1):
                tally["lines_read"] += 1
                if (key, number) in malformed:
                    tally["lines_quarantined"] += 1
                    tally["quarantined_" + malformed[(key, number)].split(":")[0]] += 1
                elif not line.strip():
                    tally["blank_lines"] += 1
                else:
                    tally["records_staged"] += 1
                    keys_seen[RECORD_KEYS[source](orjson.loads(line))] += 1
        counts[(source, "*")]["distinct_keys"] = len(keys_seen)
    for source, (prefix, folder_parts, array, key_of) in ARRAY_SOURCES.items():
        keys_seen = Counter()
        for path in sorted((lake.raw / prefix).rglob("*.gz")):
            key = relative(lake, str(path))
            tally = counts[(source, "/".join(key.split("/")[folder_parts]))]
            tally["objects_landed"] += 1
            tally["bytes_landed"] += path.stat().st_size
            if key in corrupt:
                tally["objects_quarantined"] += 1
                continue
            for line_number, line in enumerate(gzip.decompress(path.read_bytes()).split(b"\n")[:-1], 1):
                document = None if (key, line_number) in malformed or not line.strip() else orjson.loads(line)
                if document is None or document.get("messageType") == "CONTROL_MESSAGE" or not document[array]:
                    # a broken line, a blank one, a document that is not data or holds no records: one unit
                    tally["lines_read"] += 1
                    if (key, line_number) in malformed:
                        tally["lines_quarantined"] += 1
                        tally["quarantined_" + malformed[(key, line_number)].split(":")[0]] += 1
                    else:
                        tally["blank_lines"] += 1
                    continue
                # element e of line L is numbered L * 100000 + e
                for number, element in enumerate(document[array], line_number * 100_000 + 1):
                    tally["lines_read"] += 1
                    if (key, number) in malformed:
                        tally["lines_quarantined"] += 1
                        tally["quarantined_" + malformed[(key, number)].split(":")[0]] += 1
                    else:
                        tally["records_staged"] += 1
                        keys_seen[key_of(element)] += 1
        counts[(source, "*")]["distinct_keys"] = len(keys_seen)
    for path in sorted((lake.raw / "contact_lens/Analysis").glob("*/Redacted/*/*/*/*")):
        key = relative(lake, str(path))
        tally = counts[(CONTACT_LENS, "/".join(key.split("/")[4:7]))]
        tally["objects_landed"] += 1
        tally["bytes_landed"] += path.stat().st_size
        if key in corrupt:
            tally["objects_quarantined"] += 1
        else:
            tally["lines_read"] += 1
            tally["records_staged"] += 1
    return counts


def test_landing_accounting_adds_up_to_what_the_objects_hold(lake: Lake, warehouse: Warehouse) -> None:
    expected = python_accounting(lake)
    columns = [
        "objects_landed",
        "objects_quarantined",
        "bytes_landed",
        "lines_read",
        "blank_lines",
        "lines_quarantined",
        "quarantined_invalid_json",
        "quarantined_invalid_utf8",
        "quarantined_missing_field",
        "quarantined_invalid_timestamp",
        "quarantined_invalid_number",
        "quarantined_negative_duration",
        "records_staged",
    ]
    actual = {
        (row["raw_source"], row["landing_folder"]): row
        for row in warehouse.dicts("select * from main_staging.stg_connect__landing_accounting")
    }
    assert set(actual) == {k for k in expected if k[1] != "*"}
    for where, row in actual.items():
        wrong = {c: (row[c], expected[where][c]) for c in columns if row[c] != expected[where][c]}
        assert not wrong, (where, wrong)


def test_every_staged_record_is_kept_or_set_aside_for_its_other_copy(lake: Lake, warehouse: Warehouse) -> None:
    """Deduplication keeps one copy of each record: kept = distinct keys in the files; every other staged copy is
    superseded; the simulated sources model every record they stage."""
    expected = python_accounting(lake)
    totals = {
        source: (kept, superseded, not_modelled, staged)
        for source, kept, superseded, not_modelled, staged in warehouse.query(
            "select raw_source, sum(records_kept), sum(records_superseded), sum(records_not_modelled), "
            "sum(records_staged) from main_staging.stg_connect__landing_accounting group by 1"
        )
    }
    for source in [*LINE_SOURCES, *ARRAY_SOURCES]:
        kept, superseded, not_modelled, staged = totals[source]
        assert kept == expected[(source, "*")]["distinct_keys"], source
        assert (superseded, not_modelled) == (staged - kept, 0), source
    # Contact Lens: the newest analysis of each analysed contact is kept, the earlier ones are superseded
    kept, superseded, not_modelled, staged = totals[CONTACT_LENS]
    assert kept == lake.summary["counts"]["analyses"]
    assert superseded == lake.summary["counts"]["reanalyses"] > 0 and not_modelled == 0
