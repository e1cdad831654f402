"""The ground truth: what really happened, written outside the landing folder.

The warehouse is held against these files. They come from the simulation's own state (who waited, who hung
up, which agent was doing what), never from parsing the raw records, so a disagreement means a bug in one of
the two. Times are ISO-8601 UTC; durations are integer seconds.

Files:
- `contacts.csv` — one row per contact leg (ContactId), with its chain, flags and durations.
- `queue_intervals.csv` — the expected queue KPI measures per queue x channel x 15-minute interval, for standard
  queues and agents' own queues (transfers to an agent) alike, keyed by the queue's ARN.
- `agent_status_spans.csv` — every span an agent spent in a selected status while logged in.
- `agent_contact_spans.csv` — every span a contact spent in a state on an agent's desk.
- `agents.csv` — agent configuration versions (routing profile, hierarchy) with validity.
- `expected_arrivals.csv` — per channel x 15-minute interval, the Poisson mean of new inbound contacts and the
  number the simulation drew (repeat contacts, transfers and callbacks apart).
- `contact_analysis.csv` — Contact Lens truth per analysed contact.
- `ctr_deliveries.csv` — every delivered copy of every CTR (original, duplicate, re-delivery).
- `landing_objects.csv`, `malformed_lines.csv`, `corrupt_objects.csv` — the delivery manifest, with the
  quarantine reason each injected fault must get (see `landing.manifest`).
- `summary.json` — parameters and counts.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from pathlib import Path
from typing import Any

import orjson

from connect_lake.simulate.agents import Agent, AgentTruth, DeskContact
from connect_lake.simulate.call_quality import AudioQuality
from connect_lake.simulate.catalog import AgentStatus, Queue
from connect_lake.simulate.contact_lens import AnalysisTruth
from connect_lake.simulate.legs import Leg
from connect_lake.simulate.timefmt import iso_millis, iso_seconds

CONTACT_COLUMNS = (
    "contact_id",
    "root_contact_id",
    "previous_contact_id",
    "next_contact_id",
    "leg_number",
    "relation",
    "channel",
    "initiation_method",
    "customer_index",
    "customer_phone",
    "customer_email",
    "queue_name",
    "queue_arn",
    "queue_type",
    "agent_username",
    "routing_profile",
    "initiated_at",
    "enqueued_at",
    "dequeued_at",
    "connected_to_agent_at",
    "disconnected_at",
    "transfer_completed_at",
    "acw_start_at",
    "acw_end_at",
    "is_queued",
    "is_handled",
    "is_abandoned",
    "is_callback_requested",
    "is_transferred_in",
    "is_transferred_out",
    "ivr_outcome",
    "queue_duration_s",
    "interaction_s",
    "hold_s",
    "hold_count",
    "acw_s",
    "pause_s",
    "handle_time_s",
    "agent_attempts",
    "disconnect_reason",
    "resolved",
    "service_level_threshold_s",
    "agent_audio_quality_score",
    "agent_audio_quality_issues",
    "customer_audio_quality_score",
    "customer_audio_quality_issues",
)
INTERVAL_MEASURES = (
    "contacts_queued",
    "contacts_handled",
    "contacts_abandoned",
    "contacts_abandoned_in_x",
    "contacts_answered_in_x",
    "contacts_removed_from_queue_in_x",
    "sum_queue_answer_time_s",
    "sum_handle_time_s",
    "sum_after_contact_work_time_s",
    "sum_customer_hold_time_s",
    "max_queued_time_s",
)
# The truth's interval: the default of dbt_project.yml's `interval_minutes` (a test ties the two together)
INTERVAL_MINUTES = 15
INTERVAL_S = INTERVAL_MINUTES * 60
TRANSFER_IN_METHODS = ("TRANSFER", "QUEUE_TRANSFER")


def queue_type(queue: Queue | None) -> str:
    """Amazon Connect's QueueType: an agent's own queue (transfers to that agent) or a standard queue."""
    if queue is None:
        return ""
    return "AGENT" if queue.agent_owner is not None else "STANDARD"


def _flag(value: bool) -> int:
    return int(bool(value))


def _audio(quality: AudioQuality | None) -> tuple[float | str, str]:
    """A side's quality score and its issues joined by `|`; blank when Connect did not score that side."""
    return ("", "") if quality is None else (quality.score, "|".join(quality.issues))


def _leg_number(leg: Leg) -> int:
    n, cursor = 1, leg
    while cursor.previous is not None:
        n, cursor = n + 1, cursor.previous
    return n


class TruthWriter(AgentTruth):
    def __init__(self, truth_dir: Path) -> None:
        self.dir = truth_dir
        truth_dir.mkdir(parents=True, exist_ok=True)
        self._files: list[Any] = []
        self.contacts = self._writer("contacts.csv", CONTACT_COLUMNS)
        self.status_spans = self._writer(
            "agent_status_spans.csv", ("agent_id", "agent_username", "status_name", "status_type", "start_at", "end_at")
        )
        self.contact_spans = self._writer(
            "agent_contact_spans.csv",
            ("agent_id", "agent_username", "contact_id", "channel", "state", "start_at", "end_at"),
        )
        self.analyses = self._writer(
            "contact_analysis.csv",
            (
                "contact_id",
                "channel",
                "customer_overall",
                "agent_overall",
                "customer_start",
                "customer_end",
                "categories",
                "analysed_at",
            ),
        )
        self.deliveries = self._writer(
            "ctr_deliveries.csv", ("contact_id", "copy", "last_update_at", "arrival_at", "attributes_json")
        )
        # (queue ARN, channel, interval start) -> the measures, for standard and agent queues alike
        self.intervals: dict[tuple[str, str, int], list[int]] = defaultdict(lambda: [0] * len(INTERVAL_MEASURES))
        self.interval_queues: dict[str, Queue] = {}
        self.legs_written = 0

    def _writer(self, name: str, columns: tuple[str, ...]):
        handle = open(self.dir / name, "w", newline="")  # noqa: SIM115
        self._files.append(handle)
        writer = csv.writer(handle)
        writer.writerow(columns)
        return writer

    # ---- contacts --------------------------------------------------------------------------------

    def leg(self, leg: Leg) -> None:
        self.legs_written += 1
        queue = leg.queue
        threshold = queue.service_level_threshold_s if queue is not None else None
        self.contacts.writerow(
            (
                leg.contact_id,
                leg.root.contact_id,
                leg.previous.contact_id if leg.previous else "",
                leg.next.contact_id if leg.next else "",
                _leg_number(leg),
                leg.relation or "",
                leg.channel,
                leg.initiation_method,
                leg.customer.index,
                leg.customer.phone,
                leg.customer.email,
                queue.name or "" if queue is not None else "",
                queue.arn if queue is not None else "",
                queue_type(queue),
                leg.agent.username if leg.agent else "",
                leg.agent_profile.name if leg.agent_profile else "",
                iso_seconds(leg.initiated_at),
                iso_seconds(leg.enqueued_at) or "",
                iso_seconds(leg.dequeued_at) or "",
                iso_seconds(leg.connected_to_agent_at) or "",
                iso_seconds(leg.disconnected_at) or "",
                iso_seconds(leg.transfer_completed_at) or "",
                iso_seconds(leg.acw_start_at) or "",
                iso_seconds(leg.acw_end_at) or "",
                _flag(leg.is_queued),
                _flag(leg.is_handled),
                _flag(leg.is_abandoned),
                _flag(leg.is_callback_requested),
                _flag(leg.initiation_method in TRANSFER_IN_METHODS),
                _flag(leg.relation_out is not None),
                leg.ivr_outcome,
                "" if leg.queue_duration_s is None else leg.queue_duration_s,
                leg.interaction_s if leg.is_handled else "",
                leg.hold_s if leg.is_handled else "",
                leg.holds if leg.is_handled else "",
                "" if leg.acw_s is None else leg.acw_s,
                leg.pause_s if leg.is_handled else "",
                "" if leg.handle_time_s is None else leg.handle_time_s,
                leg.agent_attempts,
                leg.disconnect_reason or "",
                _flag(leg.resolved),
                threshold or "",
                *_audio(leg.agent_audio),
                *_audio(leg.customer_audio),
            )
        )
        if queue is not None:
            self._count_interval(leg, threshold)

    def _count_interval(self, leg: Leg, threshold: int) -> None:
        anchor = leg.enqueued_at if leg.enqueued_at is not None else leg.initiated_at
        m = self.intervals[(leg.queue.arn, leg.channel, anchor - anchor % INTERVAL_S)]
        self.interval_queues[leg.queue.arn] = leg.queue
        queue_s = leg.queue_duration_s or 0
        if leg.is_queued:
            m[0] += 1
            m[5] += queue_s < threshold
            m[10] = max(m[10], queue_s)
        if leg.is_handled:
            m[1] += 1
            m[7] += leg.handle_time_s
            m[8] += leg.acw_s or 0
            m[9] += leg.hold_s
            if leg.is_queued:
                m[4] += queue_s < threshold
                m[6] += queue_s
        if leg.is_abandoned:
            m[2] += 1
            m[3] += queue_s < threshold

    def delivery(self, contact_id: str, copy: str, last_update_at: int, arrival: float, attributes: dict) -> None:
        self.deliveries.writerow(
            (contact_id, copy, iso_seconds(last_update_at), iso_seconds(arrival), orjson.dumps(attributes).decode())
        )

    def analysis(self, truth: AnalysisTruth) -> None:
        self.analyses.writerow(
            (
                truth.contact_id,
                truth.channel,
                truth.customer_overall,
                truth.agent_overall,
                truth.customer_start,
                truth.customer_end,
                "|".join(truth.categories),
                iso_seconds(truth.analysed_at),
            )
        )

    # ---- agents ----------------------------------------------------------------------------------

    def status_span(self, agent: Agent, status: AgentStatus, start: float, end: float) -> None:
        self.status_spans.writerow(
            (agent.agent_id, agent.username, status.name, status.type, iso_millis(start), iso_millis(end))
        )

    def contact_span(self, agent: Agent, desk: DeskContact, start: float, end: float) -> None:
        self.contact_spans.writerow(
            (
                agent.agent_id,
                agent.username,
                desk.contact_id,
                desk.channel,
                desk.state,
                iso_millis(start),
                iso_millis(end),
            )
        )

    def agents(self, versions: list[dict[str, Any]]) -> None:
        if not versions:
            return
        with open(self.dir / "agents.csv", "w", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=list(versions[0]))
            writer.writeheader()
            writer.writerows(versions)

    # ---- end ---------------------------------------------------------------------------------------

    def expected_arrivals(self, rows: list[tuple[str, float, float, int]]) -> None:
        """Per channel and 15-minute interval, the mean of the Poisson arrivals of new inbound contacts (what a
        perfect forecast of them would say) and how many the simulation drew; repeat contacts, transfers and
        callbacks come on top of both."""
        with open(self.dir / "expected_arrivals.csv", "w", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(("channel", "interval_start_at", "expected_arrivals", "new_arrivals"))
            for channel, start, expected, drawn in rows:
                writer.writerow((channel, iso_seconds(start), f"{expected:.6f}", drawn))

    def close(self, summary: dict[str, Any]) -> None:
        with open(self.dir / "queue_intervals.csv", "w", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(
                ("queue_arn", "queue_type", "queue_name", "channel", "interval_start_at", *INTERVAL_MEASURES)
            )
            for (arn, channel, start), measures in sorted(self.intervals.items()):
                queue = self.interval_queues[arn]
                writer.writerow((arn, queue_type(queue), queue.name or "", channel, iso_seconds(start), *measures))
        for handle in self._files:
            handle.close()
        (self.dir / "summary.json").write_bytes(orjson.dumps(summary, option=orjson.OPT_INDENT_2))
