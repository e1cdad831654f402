"""The broken things a real landing zone holds, and the reason the warehouse must give for each.

Malformed lines: a line follows a real record in the same object, so the record itself still arrives and the
truth of what happened stays whole; the broken line must land in the quarantine with `expected_reason`.
- delivery damage: a record cut short or a line that is not JSON (`invalid_json`), a copy whose bytes are
  not UTF-8 (`invalid_utf8`);
- record damage: a copy of the record without a field the models rely on, with a timestamp that is not
  ISO-8601, a number that does not fit its type, or a negative duration (`missing_field:<f>`,
  `invalid_timestamp:<f>`, `invalid_number:<f>`, `negative_duration:<f>`, named as the sources YAML rules
  name them).
Corrupt objects: a second object beside a real one, which cannot be read at all (a zero-byte object, a gzip
stream cut short, an uncompressed object named `.gz`): an interrupted copy or a stray upload.
"""

from __future__ import annotations

import gzip
import random
from collections.abc import Callable
from typing import Any

import orjson

Mutation = Callable[[dict[str, Any]], str]


def _drop(field: str) -> Mutation:
    def mutate(record: dict[str, Any]) -> str:
        record.pop(field, None)
        return f"missing_field:{field}"

    return mutate


def _set(field: str, value: Any, family: str) -> Mutation:
    def mutate(record: dict[str, Any]) -> str:
        record[field] = value
        return f"{family}:{field}"

    return mutate


def _negative_duration(record: dict[str, Any]) -> str:
    """A negative duration where the record has one, else a disconnect before the contact began."""
    if record.get("Agent"):
        record["Agent"]["AgentInteractionDuration"] = -30
        return "negative_duration:Agent.AgentInteractionDuration"
    if record.get("Queue") and record["Queue"].get("Duration") is not None:
        record["Queue"]["Duration"] = -5
        return "negative_duration:Queue.Duration"
    record["DisconnectTimestamp"] = "2000-01-01T00:00:00Z"
    return "negative_duration:DisconnectTimestamp"


def _unreadable_quality_score(record: dict[str, Any]) -> str:
    """A voice record whose agent audio score is not a number (the rest of the record is fine)."""
    record["QualityMetrics"] = {
        "Agent": {"Audio": {"PotentialQualityIssues": [], "QualityScore": "n/a"}},
        "Customer": (record.get("QualityMetrics") or {}).get("Customer"),
    }
    return "invalid_number:QualityMetrics.Agent.Audio.QualityScore"


def _unreadable_metric_value(record: dict[str, Any]) -> str:
    """A datapoint whose maximum is not a number."""
    record["value"] = {**record.get("value", {}), "max": "NaN"}
    return "invalid_number:value.max"


# per raw source, mutations of a copy of a real record; each returns the reason the warehouse must give
RECORD_MUTATIONS: dict[str, list[Mutation]] = {
    "contact_records": [
        _drop("LastUpdateTimestamp"),
        _set("InitiationTimestamp", "2026-11-02 10:00:00", "invalid_timestamp"),
        _set("AgentConnectionAttempts", "n/a", "invalid_number"),
        _set("AgentConnectionAttempts", 1.6, "invalid_number"),
        _set("AgentConnectionAttempts", 4e9, "invalid_number"),
        _unreadable_quality_score,
        _negative_duration,
    ],
    "agent_events": [
        _drop("EventTimestamp"),
        _set("EventTimestamp", "1764670000", "invalid_timestamp"),
    ],
    "contact_flow_logs": [
        _drop("Timestamp"),
        _set("Timestamp", "yesterday", "invalid_timestamp"),
    ],
    "cloudwatch_metrics": [
        _drop("timestamp"),
        _set("timestamp", "2026-11-02T10:00:00Z", "invalid_number"),
        _unreadable_metric_value,
    ],
    "cloudtrail": [
        _drop("eventTime"),
        _set("eventTime", "2026/11/02 10:00:00", "invalid_timestamp"),
    ],
    "lex_conversation_logs": [
        _drop("logEvents"),
    ],
    "customer_profiles": [
        _drop("EventTimestamp"),
        _set("EventTimestamp", "2026-13-45T99:00:00Z", "invalid_timestamp"),
    ],
}

OBJECT_FAULTS = ("empty_object", "truncated_gzip", "not_gzip")


def _cut(line: bytes) -> bytes:
    """The first half of a line, cut between characters (a cut inside one would make it invalid UTF-8 too)."""
    return line[: max(1, len(line) // 2)].decode("utf-8", errors="ignore").encode()


def malformed_line(line: bytes, source: str, rng: random.Random, sequence: int) -> tuple[str, str, bytes]:
    """(kind, expected quarantine reason, bytes) of a broken line to land after `line`, the `sequence`-th of its
    stream: record damage takes the source's mutations in turn, so a few faults already show every kind."""
    draw = rng.random()
    if draw < 0.15:
        return "truncated_json", "invalid_json", _cut(line)
    if draw < 0.2:
        return "not_json", "invalid_json", b"<html><body>502 Bad Gateway</body></html>"
    if draw < 0.3:
        # a byte that is never UTF-8, inside a string value, so the line is otherwise JSON
        at = line.find(b'":"') + 3
        return "invalid_utf8", "invalid_utf8", line[:at] + b"\xff" + line[at:]
    mutations = RECORD_MUTATIONS.get(source)
    if not mutations:
        return "truncated_json", "invalid_json", _cut(line)
    record = orjson.loads(line)
    reason = mutations[sequence % len(mutations)](record)
    return reason.split(":", 1)[0], reason, orjson.dumps(record)


def corrupt_object(content: bytes, is_gzip: bool, rng: random.Random) -> tuple[str, bytes]:
    """(reason, bytes) of an unreadable copy of an object whose content is `content`."""
    kinds = OBJECT_FAULTS if is_gzip else ("empty_object",)
    kind = kinds[rng.randrange(len(kinds))]
    if kind == "empty_object":
        return kind, b""
    if kind == "not_gzip":
        return kind, content
    compressed = gzip.compress(content, mtime=0)
    return kind, compressed[: max(10, len(compressed) * 2 // 3)]
