"""The chat bot's marts hold against the simulator's truth (its Lex conversation logs as a CloudWatch Logs
subscription lands them: envelopes of several log events, CONTROL_MESSAGE envelopes, duplicate deliveries, broken
lines and unreadable objects on): every delivered utterance once, each with its intent, confidence, slots and
redacted words, each conversation with its turns and what became of the contact, and the bot metrics by day."""

from __future__ import annotations

import gzip
from collections import Counter, defaultdict
from datetime import UTC, datetime

import orjson
import pytest

from lakes import Lake, MetricFlow, Warehouse, read_csv
from truths import BOT_METRICS


@pytest.fixture(scope="module")
def delivered(lake: Lake) -> list[dict[str, str]]:
    """The truth's utterances whose log event landed before the simulation stopped."""
    return [row for row in read_csv(lake.truth / "bot_turns.csv") if row["delivered_at"]]


def landed_copies(lake: Lake) -> tuple[Counter, int]:
    """requestId -> copies in the readable objects' data envelopes (Python's own count), and the control
    envelopes seen."""
    malformed = lake.malformed_lines()
    copies: Counter = Counter()
    controls = 0
    for path in lake.objects("lex_conversation_logs"):
        key = str(path.relative_to(lake.raw))
        for number, line in enumerate(gzip.decompress(path.read_bytes()).split(b"\n"), 1):
            if not line or (key, number) in malformed:
                continue
            envelope = orjson.loads(line)
            if envelope["messageType"] == "CONTROL_MESSAGE":
                controls += 1
                continue
            for event in envelope["logEvents"]:
                copies[orjson.loads(event["message"])["requestId"]] += 1
    return copies, controls


def test_every_delivered_utterance_is_one_row_with_its_copies(lake: Lake, delivered, warehouse: Warehouse) -> None:
    copies, controls = landed_copies(lake)
    assert controls >= 10, "CloudWatch Logs checked the destination"
    assert set(copies) == {r["request_id"] for r in delivered}
    assert max(copies.values()) >= 2, "the lake holds duplicate deliveries"
    rows = dict(warehouse.query("select bot_turn_id, delivery_count from main_staging.stg_connect__bot_turns"))
    assert rows == dict(copies)


def test_every_utterance_is_one_turn_as_lex_logged_it(delivered, warehouse: Warehouse) -> None:
    expected = {
        r["request_id"]: (
            r["contact_id"],
            int(r["turn_number"]),
            r["redacted_input_transcript"],
            r["intent_name"],
            float(r["nlu_confidence"]) if r["nlu_confidence"] else None,
            r["is_missed_utterance"] == "true",
            r["intent_state"] or None,
            r["dialog_action_type"],
            int(r["slots_filled"]),
        )
        for r in delivered
    }
    assert any("[PII]" in v[2] for v in expected.values()), "some missed utterances carry personal data"
    rows = warehouse.query(
        "select bot_turn_id, contact_id, turn_number, redacted_input_transcript, intent_name, nlu_confidence,"
        " is_missed_utterance, intent_state, dialog_action_type, slots_filled_count from main_marts.fct_bot_turns"
    )
    actual = {row[0]: tuple(row[1:]) for row in rows}
    assert len(actual) == len(rows)
    wrong = {k: (actual.get(k), v) for k, v in expected.items() if actual.get(k) != v}
    assert not wrong, (len(wrong), list(wrong.items())[:3])
    assert set(actual) == set(expected)


def sessions_of(delivered: list[dict[str, str]]) -> dict[str, dict]:
    sessions: dict[str, dict] = defaultdict(lambda: {"turns": 0, "missed": 0, "outcome": None, "first": None})
    for r in delivered:
        s = sessions[r["contact_id"]]
        s["turns"] += 1
        s["missed"] += r["is_missed_utterance"] == "true"
        s["outcome"] = r["session_outcome"] or s["outcome"]
        at = datetime.fromtimestamp(float(r["turn_at"]), UTC)
        s["first"] = at if s["first"] is None else min(s["first"], at)
    return sessions


def test_every_conversation_has_its_turns_and_its_contacts_outcome(delivered, warehouse: Warehouse) -> None:
    expected = {
        contact: (s["turns"], s["missed"], s["outcome"], s["outcome"] == "contained")
        for contact, s in sessions_of(delivered).items()
    }
    assert {v[2] for v in expected.values()} >= {"contained", "queued", "dropped"}
    rows = warehouse.query(
        "select contact_id, turn_count, missed_utterance_count, ivr_outcome, is_contained_by_bot"
        " from main_marts.fct_bot_sessions"
    )
    actual = {row[0]: tuple(row[1:]) for row in rows}
    wrong = {k: (actual.get(k), v) for k, v in expected.items() if actual.get(k) != v}
    assert not wrong, (len(wrong), list(wrong.items())[:3])
    assert set(actual) == set(expected)
    # a contact the bot escalated and an agent answered is the contact record's handled contact
    [(escalated_and_answered,)] = warehouse.query(
        "select count(*) from main_marts.fct_bot_sessions where is_escalated_to_queue and is_answered_by_agent"
    )
    assert escalated_and_answered > 0


def test_bot_metrics_by_day_equal_the_truth(delivered, mf: MetricFlow) -> None:
    turns: dict[str, Counter] = defaultdict(Counter)
    for r in delivered:
        day = datetime.fromtimestamp(float(r["turn_at"]), UTC).date().isoformat()
        turns[day]["turns"] += 1
        turns[day]["missed"] += r["is_missed_utterance"] == "true"
        turns[day]["recognised"] += r["intent_name"] != "FallbackIntent" and r["is_missed_utterance"] == "false"
    for s in sessions_of(delivered).values():
        day = s["first"].date().isoformat()
        turns[day]["sessions"] += 1
        turns[day]["contained"] += s["outcome"] == "contained"
    rows = {r["metric_time__day"][:10]: r for r in mf.query(tuple(BOT_METRICS), ("metric_time__day",))}
    assert set(rows) == set(turns)
    for day, counts in turns.items():
        for metric, truth in BOT_METRICS.items():
            want = counts[truth[0]] / counts[truth[1]] if isinstance(truth, tuple) else counts[truth]
            assert float(rows[day][metric]) == pytest.approx(want, rel=1e-9), (day, metric)
