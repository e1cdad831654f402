"""Amazon Connect's metrics recomputed from the simulator's truth files by their published definitions, with no
reference to the warehouse: what the mart tests, the metric tests and the dashboard test hold the project to."""

from __future__ import annotations

import itertools
from collections import defaultdict
from datetime import datetime, timedelta

from lakes import Lake, read_csv, ts

# the contact states in which Connect counts an agent as working a contact (hold, ACW and task pause included)
WORKING = frozenset({"CONNECTED", "CONNECTED_ONHOLD", "ENDED", "PAUSED"})
# each span end the agent event stream shows may be up to this far off (event time vs the change)
SPAN_END_TOLERANCE_S = 1.0


def spans(lake: Lake, name: str) -> list[dict]:
    """A truth file of agent spans (agent_status_spans.csv, agent_contact_spans.csv) with parsed start and end."""
    return [{**row, "start": ts(row["start_at"]), "end": ts(row["end_at"])} for row in read_csv(lake.truth / name)]


def pieces(start: datetime, end: datetime, minutes: int | None = None):
    """(bucket, seconds) of [start, end) cut at midnight (bucket: the day) or, given minutes, at each interval
    boundary (bucket: the interval's start)."""
    while start < end:
        if minutes is None:
            bucket = start.date()
            stop = min(end, datetime.combine(bucket + timedelta(days=1), datetime.min.time()))
        else:
            bucket = interval_of(start, minutes)
            stop = min(end, bucket + timedelta(minutes=minutes))
        yield bucket, (stop - start).total_seconds()
        start = stop


def interval_of(moment: datetime, minutes: int) -> datetime:
    """The start of the interval of `minutes` that `moment` falls in."""
    return moment.replace(minute=moment.minute - moment.minute % minutes, second=0, microsecond=0)


def truth_agent_days(
    status_truth: list[dict], contact_truth: list[dict], minutes: int | None = None
) -> dict[tuple, dict[str, float]]:
    """Connect's agent metrics per agent-day (or, given minutes, per agent-interval), from the truth spans, by the
    published definitions."""
    totals: dict[tuple, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    points: dict[str, set] = defaultdict(set)
    for r in status_truth:
        points[r["agent_id"]] |= {r["start"], r["end"]}
    for r in contact_truth:
        points[r["agent_id"]] |= {r["start"], r["end"]}
        for day, seconds in pieces(r["start"], r["end"], minutes):
            if r["state"] in WORKING:
                totals[(r["agent_id"], day)]["contact_handle_time_s"] += seconds
            if r["state"] == "ENDED":
                totals[(r["agent_id"], day)]["after_contact_work_time_s"] += seconds
    statuses = defaultdict(list)
    for r in status_truth:
        statuses[r["agent_id"]].append(r)
    working = defaultdict(list)
    for r in contact_truth:
        if r["state"] in WORKING:
            working[r["agent_id"]].append(r)
    for agent_id, moments in points.items():
        moments = sorted(moments)
        for start, end in itertools.pairwise(moments):
            status = next((s for s in statuses[agent_id] if s["start"] <= start and end <= s["end"]), None)
            if status is None:
                continue  # logged out
            busy = any(c["start"] <= start and end <= c["end"] for c in working[agent_id])
            for day, seconds in pieces(start, end, minutes):
                day_totals = totals[(agent_id, day)]
                if status["status_type"] != "OFFLINE":
                    day_totals["online_time_s"] += seconds
                if status["status_type"] == "CUSTOM":
                    day_totals["non_productive_time_s"] += seconds
                if status["status_type"] == "ROUTABLE":
                    day_totals["agent_on_contact_time_s" if busy else "agent_idle_time_s"] += seconds
    return totals


def repeat_followed(legs) -> dict[str, bool]:
    """Per journey (root leg) but tasks: whether the same customer (same raw address) starts another inbound or
    API call or chat within 7 days, from the truth's raw addresses, not from the warehouse's hashed key."""
    roots = [r for r in legs if r["contact_id"] == r["root_contact_id"]]

    def address(row: dict[str, str]) -> str:
        return row["customer_email"] if row["channel"] == "CHAT" else row["customer_phone"]

    starts = defaultdict(list)
    for row in roots:
        if row["initiation_method"] in ("INBOUND", "API") and row["channel"] in ("VOICE", "CHAT"):
            starts[address(row)].append((ts(row["initiated_at"]), row["contact_id"]))
    followed = {}
    for row in roots:
        if row["channel"] == "TASK":
            continue
        began = ts(row["initiated_at"])
        followed[row["contact_id"]] = any(
            cid != row["contact_id"] and began < t <= began + timedelta(days=7) for t, cid in starts[address(row)]
        )
    return followed


def queue_day_sums(legs, minutes: int | None = None, queue_key: str = "queue_arn") -> dict[tuple, dict[str, float]]:
    """Per (day, queue) or, given minutes, per (interval start, queue, channel): the queue measures of Amazon
    Connect's definitions, summed over the truth's contact legs (a leg counts in the day or interval it was
    enqueued, or initiated when it never queued). A queue is its ARN (standard and agent queues alike), or the
    truth's column `queue_key`."""
    sums: dict[tuple, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for leg in legs:
        anchor = ts(leg["enqueued_at"] or leg["initiated_at"])
        if minutes is None:
            day = sums[(anchor.date(), leg[queue_key])]
        else:
            day = sums[(interval_of(anchor, minutes), leg[queue_key], leg["channel"])]
        queued, handled, abandoned = (leg[f] == "1" for f in ("is_queued", "is_handled", "is_abandoned"))
        waited = int(leg["queue_duration_s"] or 0)
        within_x = waited < int(leg["service_level_threshold_s"] or 0)
        day["contacts_queued"] += queued
        day["contacts_handled"] += handled
        day["contacts_answered"] += queued and handled
        day["contacts_abandoned"] += abandoned
        day["contacts_answered_in_x"] += queued and handled and within_x
        day["contacts_abandoned_in_x"] += abandoned and within_x
        day["contacts_removed_from_queue_in_x"] += queued and within_x
        day["contacts_transferred_out"] += leg["is_transferred_out"] == "1"
        day["contacts_callback_requested"] += leg["is_callback_requested"] == "1"
        day["sum_queue_answer_time_s"] += waited if queued and handled else 0
        if handled:
            day["sum_handle_time_s"] += int(leg["handle_time_s"] or 0)
            day["sum_after_contact_work_time_s"] += int(leg["acw_s"] or 0)
            day["sum_customer_hold_time_s"] += int(leg["hold_s"] or 0)
        if queued:
            day["max_queued_time_s"] = max(day["max_queued_time_s"], waited)
    return sums


def ratio(numerator: float, denominator: float, scale: float = 1.0) -> float | None:
    """A KPI as Amazon Connect computes it over a group: the sum over the sum, none when nothing to divide by."""
    return scale * numerator / denominator if denominator else None


# the semantic layer's instance-health metrics (fct_instance_metric_minutes)
INSTANCE_HEALTH_METRICS = (
    "peak_concurrent_calls",
    "peak_concurrent_calls_pct",
    "voice_calls_started",
    "peak_queue_size",
    "longest_queue_wait_s",
    "missed_calls",
    "contact_flow_errors",
)

# the semantic layer's chat-bot metrics (fct_bot_turns, fct_bot_sessions): metric -> the truth's count it is, or
# (numerator, denominator) of a rate
BOT_METRICS = {
    "bot_turns": "turns",
    "recognised_bot_turns": "recognised",
    "missed_bot_utterances": "missed",
    "bot_sessions": "sessions",
    "bot_contained_sessions": "contained",
    "intent_recognition_rate": ("recognised", "turns"),
    "missed_utterance_rate": ("missed", "turns"),
    "bot_containment_rate": ("contained", "sessions"),
}
