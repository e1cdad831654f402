"""What the instance hands to its streams once something has happened: contact records delivered at least once
(duplicates, re-deliveries days later), the ground truth of each leg, Contact Lens jobs (and re-analyses),
flow-log entries and Customer Profiles events.

The contact processes (center.py) decide what happens; this module only delivers it. It draws from the same
random stream as the processes, in the same order, so a seed gives the same bytes.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from typing import Any

import orjson

from connect_lake.landing.firehose import FirehoseStream
from connect_lake.simulate import call_quality, contact_lens, ivr
from connect_lake.simulate.customers import Customer, profile_event
from connect_lake.simulate.instance_metrics import InstanceMetrics
from connect_lake.simulate.legs import Leg
from connect_lake.simulate.rand import choice, randint
from connect_lake.simulate.records import contact_record
from connect_lake.simulate.truth import TruthWriter


@dataclass(slots=True)
class ContactFaults:
    """Faults of the producers (Connect, Kinesis): the delivery path adds late objects and bad lines."""

    duplicate_rate: float = 0.02
    redelivery_rate: float = 0.03
    redelivery_delay_s: tuple[int, int] = (86_400, 7 * 86_400)
    case_duplicate_key_rate: float = 0.02
    agent_event_duplicate_rate: float = 0.005
    reanalysis_rate: float = 0.02
    reanalysis_delay_s: tuple[int, int] = (3_600, 3 * 86_400)
    metric_duplicate_rate: float = 0.01  # metric streams deliver at least once


@dataclass
class Streams:
    contact_records: FirehoseStream
    agent_events: FirehoseStream
    contact_flow_logs: FirehoseStream
    customer_profiles: FirehoseStream
    contact_lens: Any  # DocumentWriter
    cloudwatch_metrics: FirehoseStream
    lex_conversation_logs: FirehoseStream

    def firehoses(self) -> list[FirehoseStream]:
        return [
            self.contact_records,
            self.agent_events,
            self.contact_flow_logs,
            self.customer_profiles,
            self.cloudwatch_metrics,
            self.lex_conversation_logs,
        ]


@dataclass
class Counters:
    arrivals: int = 0
    legs: int = 0
    ctr_copies: int = 0
    duplicates: int = 0
    redeliveries: int = 0
    case_duplicate_keys: int = 0
    analyses: int = 0
    reanalyses: int = 0
    outbound_skipped: int = 0
    profile_events: int = 0
    flow_log_entries: int = 0
    lambda_errors: int = 0
    repeats: int = 0
    by_relation: dict[str, int] = field(default_factory=dict)


class Delivery:
    """The instance's outputs, with the producers' faults, and the truth of what was delivered."""

    def __init__(
        self,
        rng: random.Random,
        seed: int,
        streams: Streams,
        truth: TruthWriter,
        faults: ContactFaults,
        horizon: int,
        count: Counters,
        instance_metrics: InstanceMetrics,
    ) -> None:
        self.rng = rng
        self.seed = seed
        self.streams = streams
        self.truth = truth
        self.faults = faults
        self.horizon = horizon
        self.count = count
        self.instance_metrics = instance_metrics

    def flow(self, run: ivr.FlowRun) -> None:
        """A flow run's log entries; CloudWatch delivers each a few seconds after the block ran."""
        for at, line in run.entries:
            self.streams.contact_flow_logs.put(at + self.rng.uniform(2.0, 40.0), line)
        self.count.flow_log_entries += len(run.entries)
        self.count.lambda_errors += run.lambda_errors
        for at in run.error_branches_at:
            self.instance_metrics.record_flow_error(run.flow.name, at)

    def profile_event(self, customer: Customer, kind: str, at: float) -> None:
        self.streams.customer_profiles.put(
            at + self.rng.uniform(1.0, 10.0), profile_event(customer, kind, at, self.rng)
        )
        self.count.profile_events += 1

    def contact_record(self, leg: Leg, now: int) -> int | None:
        """The leg's contact record, written once the leg is over (after ACW) and delivered at least once: a
        duplicate minutes later, or a re-delivery days later with a newer LastUpdateTimestamp and changed
        attributes. Returns the record's LastUpdateTimestamp, or None when it lands after the horizon."""
        last_update = max(t for t in (leg.acw_end_at, leg.disconnected_at, now) if t is not None)
        last_update += randint(self.rng, 1, 5)
        arrival = last_update + self.rng.uniform(20.0, 120.0)
        if arrival > self.horizon:
            return None
        leg.agent_audio, leg.customer_audio = call_quality.measure(self.seed, leg)
        stream = self.streams.contact_records
        line = orjson.dumps(contact_record(leg, last_update))
        stream.put(arrival, line)
        self.truth.delivery(leg.contact_id, "original", last_update, arrival, leg.attributes)
        self.count.ctr_copies += 1
        if self.rng.random() < self.faults.duplicate_rate:
            again = arrival + self.rng.uniform(1.0, 900.0)
            if again <= self.horizon:
                stream.put(again, line)
                self.truth.delivery(leg.contact_id, "duplicate", last_update, again, leg.attributes)
                self.count.duplicates += 1
        if self.rng.random() < self.faults.redelivery_rate:
            updated_at = last_update + randint(self.rng, *self.faults.redelivery_delay_s)
            later = updated_at + self.rng.uniform(20.0, 120.0)
            if later <= self.horizon:
                # update-contact-attributes days later: a new LastUpdateTimestamp and changed Attributes.
                attributes = {
                    **leg.attributes,
                    "disposition": choice(self.rng, ("follow-up-done", "qa-reviewed")),
                    "callReason": leg.attributes.get("callReason", "unknown") + "-reviewed",
                }
                stream.put(later, orjson.dumps(contact_record(leg, updated_at, attributes)))
                self.truth.delivery(leg.contact_id, "redelivery", updated_at, later, attributes)
                self.count.redeliveries += 1
        self.truth.leg(leg)
        return last_update

    def contact_lens(self, leg: Leg) -> None:
        """Contact Lens analyses handled voice and chat legs long enough to analyse (never outbound dials);
        some contacts are analysed again later, and the newer file supersedes the first."""
        if not (
            leg.is_handled
            and leg.channel in ("VOICE", "CHAT")
            and leg.interaction_s >= 15
            and leg.initiation_method != "OUTBOUND"
        ):
            return
        job, analysis = contact_lens.analysis_job(leg, self.rng, self.seed, str(self.streams.contact_lens.root))
        self.streams.contact_lens.put_rendered(
            job.keys, contact_lens.render_analysis, job, analysis.analysed_at, "contact_lens"
        )
        if self.rng.random() < self.faults.reanalysis_rate:
            job, analysis = contact_lens.reanalysis(job, analysis, randint(self.rng, *self.faults.reanalysis_delay_s))
            self.streams.contact_lens.put_rendered(
                job.keys, contact_lens.render_analysis, job, analysis.analysed_at, "contact_lens"
            )
            self.count.reanalyses += 1
        self.truth.analysis(analysis)
        self.count.analyses += 1
