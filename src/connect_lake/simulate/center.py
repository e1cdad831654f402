"""The contact center as SimPy processes: arrivals, flows, queues, agents, transfers, callbacks (what gets
delivered, and how, is delivery.py).

Time is integer seconds since the epoch for everything a contact record shows (so CTR durations are exact);
agent events add sub-second jitter on top, as the real stream has millisecond timestamps.
"""

from __future__ import annotations

import math
import random
import uuid
from collections import defaultdict
from collections.abc import Generator
from typing import Any

import simpy

from connect_lake.simulate import catalog, ivr
from connect_lake.simulate.agents import Agent, AgentEventStream, DeskContact
from connect_lake.simulate.cloudtrail import AuditTrail
from connect_lake.simulate.customers import Customer, maybe_change_profile
from connect_lake.simulate.delivery import ContactFaults, Counters, Delivery, Streams
from connect_lake.simulate.instance_metrics import InstanceMetrics
from connect_lake.simulate.legs import Leg
from connect_lake.simulate.lex import BotConversations
from connect_lake.simulate.rand import choice, randint
from connect_lake.simulate.routing import Router
from connect_lake.simulate.timefmt import iso_seconds
from connect_lake.simulate.truth import TruthWriter

TALK_MEDIAN_S = {"Sales": 260, "Support": 330, "Billing": 280, "Retention": 380, "OutboundSales": 200}
RESOLVE_RATE = {
    "Sales": 0.85,
    "Support": 0.70,
    "Billing": 0.78,
    "Retention": 0.60,
    "ChatSupport": 0.75,
    "BackOffice": 0.9,
    "OutboundSales": 0.9,
}
TRANSFER_TARGETS = {
    "Sales": ("Retention", "Billing"),
    "Support": ("Billing", "Sales"),
    "Billing": ("Retention", "Support"),
    "Retention": ("Billing",),
}
VOICE_RELATIONS = (  # (relation, probability) for a voice leg an agent answers
    ("TRANSFER_QUEUE", 0.05),
    ("TRANSFER_AGENT", 0.02),
    ("CONSULT", 0.03),
    ("CONFERENCE", 0.02),
    ("EXTERNAL_TRANSFER", 0.025),
    ("EXTERNAL_CONSULT", 0.01),
    ("EXTERNAL_CONFERENCE", 0.01),
)

CONSULT_RELATIONS = ("CONSULT", "CONFERENCE", "EXTERNAL_CONSULT", "EXTERNAL_CONFERENCE")


def lognormal(rng: random.Random, median: float, sigma: float = 0.5, low: int = 1, high: int | None = None) -> int:
    value = round(median * math.exp(rng.gauss(0.0, sigma)))
    value = max(low, value)
    return value if high is None else min(high, value)


class ContactCenter:
    def __init__(
        self,
        env: simpy.Environment,
        seed: int,
        customers: list[Customer],
        streams: Streams,
        truth: TruthWriter,
        faults: ContactFaults,
        arrivals_end: int,
        horizon: int,
    ) -> None:
        self.env = env
        self.seed = seed
        self.rng = random.Random(f"{seed}/contacts")
        self.id_rng = random.Random(f"{seed}/ids")
        self.customers = customers
        self.faults = faults
        self.arrivals_end = arrivals_end
        self.horizon = horizon
        self.count = Counters()
        # new inbound contacts drawn per (channel, 15-minute interval start): the truth's arrivals, repeats apart
        self.new_arrivals: dict[tuple[str, int], int] = defaultdict(int)
        self.instance_metrics = InstanceMetrics()
        self.audit_trail = AuditTrail(random.Random(f"{seed}/cloudtrail"))
        self.bot_conversations = BotConversations(random.Random(f"{seed}/lex"))
        self.deliver = Delivery(self.rng, seed, streams, truth, faults, horizon, self.count, self.instance_metrics)
        self.router = Router(lambda: env.now)
        self.agents: list[Agent] = []
        self.agent_stream = AgentEventStream(
            streams.agent_events.put,
            random.Random(f"{seed}/agent-events"),
            truth,
            duplicate_rate=faults.agent_event_duplicate_rate,
        )

    # ---- helpers ---------------------------------------------------------------------------------

    @property
    def now(self) -> int:
        return int(self.env.now)

    def new_id(self) -> str:
        return str(uuid.UUID(int=self.id_rng.getrandbits(128), version=4))

    def reason_for(self, queue_name: str) -> str:
        return choice(self.rng, catalog.CALL_REASONS[queue_name])

    def new_leg(
        self, channel: str, method: str, customer: Customer, previous: Leg | None = None, relation: str | None = None
    ) -> Leg:
        leg = Leg(self.new_id(), channel, method, self.now, customer)
        leg.on_assign = self._on_assign
        if previous is not None:
            leg.initial = previous.root
            leg.previous = previous
            leg.relation = relation
            leg.attributes = dict(previous.attributes)
            previous.next = leg
        self.count.legs += 1
        return leg

    def is_open(self, channel: str, at: int) -> bool:
        start, end = catalog.OPEN_HOURS[channel]
        hour = (at % 86_400) // 3_600
        return start <= hour < end

    def ensure_profile(self, customer: Customer) -> None:
        if not customer.profile_created:
            customer.profile_created = True
            self.deliver.profile_event(customer, "CREATED", self.now + 2)

    # ---- arrivals --------------------------------------------------------------------------------

    def arrivals(self, channel: str, hourly_rates: list[float], start: int) -> Generator:
        """Non-homogeneous Poisson arrivals, hour by hour, until the end of the simulated period: the intraday
        curve, scaled by the day of the week and the weekly growth (catalog.demand_factor)."""
        hour_start = start
        while hour_start < self.arrivals_end:
            rate = hourly_rates[(hour_start % 86_400) // 3_600] * catalog.demand_factor(hour_start, start)
            t = float(hour_start)
            while rate > 0:
                t += self.rng.expovariate(rate / 3_600.0)
                if t >= hour_start + 3_600:
                    break
                yield self.env.timeout(max(0, int(t) - self.now))
                self.new_arrivals[(channel, int(self.now) // 900 * 900)] += 1
                self.spawn_inbound(channel, choice(self.rng, self.customers))
            hour_start += 3_600
            yield self.env.timeout(max(0, hour_start - self.now))

    def spawn_inbound(self, channel: str, customer: Customer) -> None:
        self.count.arrivals += 1
        customer.contacts += 1
        if channel == "VOICE":
            self.env.process(self.inbound_voice(customer))
        elif channel == "CHAT":
            self.env.process(self.inbound_chat(customer))
        else:
            self.env.process(self.task(customer))

    def maybe_repeat(self, leg: Leg) -> None:
        """Customers whose issue is not solved come back, by the same or another channel."""
        root = leg.root
        if (
            leg.relation in CONSULT_RELATIONS
            or leg.resolved
            or root.channel == "TASK"
            or root.initiation_method == "OUTBOUND"
        ):
            return
        abandoned_like = leg.is_abandoned or leg.ivr_outcome == "dropped"
        probability = 0.5 if abandoned_like else 0.55
        if self.rng.random() >= probability:
            return
        delay = (
            120 + int(self.rng.expovariate(1 / 1_800))
            if abandoned_like
            else 7_200 + int(self.rng.expovariate(1 / 130_000))
        )
        channel = root.channel if self.rng.random() < 0.8 else ("CHAT" if root.channel == "VOICE" else "VOICE")
        if self.now + delay < self.arrivals_end:
            self.count.repeats += 1
            self.env.process(self._repeat_after(delay, channel, root.customer))

    def _repeat_after(self, delay: int, channel: str, customer: Customer) -> Generator:
        yield self.env.timeout(delay)
        self.spawn_inbound(channel, customer)

    # ---- queueing and routing --------------------------------------------------------------------

    def _on_assign(self, leg: Leg, agent: Agent) -> None:
        leg.agent_attempts += 1
        desk = DeskContact(
            leg.contact_id,
            leg.initial.contact_id if leg.initial else None,
            leg.channel,
            leg.initiation_method,
            leg.queue,
            leg.enqueued_at,
            "CONNECTING",
            self.now,
        )
        leg.desk = desk
        self.agent_stream.add_contact(agent, desk)
        leg.assigned.succeed(agent)

    def wait_for_agent(
        self, leg: Leg, patience_until: float, callback: bool = False, overflow: bool = False
    ) -> Generator[Any, Any, tuple[str, Agent | None]]:
        """Wait in `leg.queue` until an agent connects, or the customer gives up, or the flow moves them on.

        Returns ("connected", agent), ("abandoned", None), ("callback", None) or ("overflow", None).
        """
        queue = leg.queue
        if leg.enqueued_at is None:
            leg.enqueued_at = self.now
            self.deliver.flow(ivr.queue_flow_entry(leg.contact_id, self.now, self.rng))
        callback_at = (
            leg.enqueued_at + queue.callback_offer_after_s if callback and queue.callback_offer_after_s else None
        )
        overflow_at = leg.enqueued_at + queue.overflow_after_s if overflow and queue.overflow_after_s else None
        front = False
        while True:
            leg.assigned = self.env.event()
            self.router.enqueue(leg, front=front)
            checkpoints = [t for t in (patience_until, callback_at, overflow_at) if t is not None and t > self.now]
            if leg.assigned.triggered:
                agent = leg.assigned.value
            else:
                wake = min(checkpoints) if checkpoints else None
                if wake is None or math.isinf(wake):
                    agent = yield leg.assigned
                else:
                    yield leg.assigned | self.env.timeout(int(wake) - self.now)
                    agent = leg.assigned.value if leg.assigned.triggered else None
            if agent is not None:
                connected = yield from self.ring(leg, agent)
                if connected:
                    return "connected", agent
                front = True
                continue
            self.router.withdraw(leg)
            if self.now >= patience_until:
                return "abandoned", None
            if callback_at is not None and self.now >= callback_at:
                callback_at = None
                accepted = self.rng.random() < 0.35
                self.deliver.flow(ivr.callback_offer(leg.contact_id, self.now, self.rng, accepted))
                if accepted:
                    return "callback", None
            if overflow_at is not None and self.now >= overflow_at:
                return "overflow", None
            front = True

    def ring(self, leg: Leg, agent: Agent) -> Generator[Any, Any, bool]:
        """The offer to an agent: accepted (CONNECTED), or missed and back to the head of the queue."""
        ring_s = {"VOICE": (2, 9), "CHAT": (1, 4), "TASK": (1, 3)}[leg.channel]
        yield self.env.timeout(randint(self.rng, *ring_s))
        miss_rate = 0.03 if leg.channel == "VOICE" else 0.01
        if self.rng.random() < miss_rate:
            self.agent_stream.set_contact_state(agent, leg.desk, "MISSED", self.now)
            if leg.channel == "VOICE":
                self.instance_metrics.record_missed_call(self.now)
            agent.unroutable_until = self.now + randint(self.rng, 15, 45)
            self.env.process(self._clear_missed(agent, leg.contact_id, agent.unroutable_until))
            leg.desk = None
            return False
        leg.connected_to_agent_at = self.now
        leg.dequeued_at = self.now
        leg.agent, leg.agent_profile = agent, agent.profile
        leg.desk.connected_to_agent_at = self.now
        self.agent_stream.set_contact_state(agent, leg.desk, "CONNECTED", self.now)
        return True

    def _clear_missed(self, agent: Agent, contact_id: str, at: int) -> Generator:
        yield self.env.timeout(at - self.now)
        self.agent_stream.clear_contact(agent, contact_id, self.now)
        self.agent_freed(agent)

    def agent_freed(self, agent: Agent) -> None:
        if not agent.desk and agent.idle_waiter is not None:
            waiter, agent.idle_waiter = agent.idle_waiter, None
            waiter.succeed()
        self.router.refresh(agent)

    def end_in_flow(self, leg: Leg, run: ivr.FlowRun) -> None:
        """The contact ended in its entry flow: self-service, closed hours, or a hang-up in the IVR."""
        leg.disconnected_at = self.now
        leg.disconnect_reason = "CUSTOMER_DISCONNECT" if run.outcome == "dropped" else "CONTACT_FLOW_DISCONNECT"
        leg.resolved = run.outcome == "contained"
        self.complete(leg)

    def abandon(self, leg: Leg) -> None:
        leg.dequeued_at = self.now
        leg.disconnected_at = self.now
        leg.disconnect_reason = "CUSTOMER_DISCONNECT"
        leg.is_abandoned = True

    # ---- voice -----------------------------------------------------------------------------------

    def inbound_voice(self, customer: Customer) -> Generator:
        leg = self.new_leg("VOICE", "INBOUND", customer)
        leg.connected_to_system_at = self.now
        leg.customer_endpoint = customer.phone
        run = ivr.main_ivr(
            leg.contact_id, self.now, self.rng, self.is_open("VOICE", self.now), customer.tier, self.reason_for
        )
        line = "Sales" if run.queue_name == "Sales" else "Service"
        leg.system_endpoint = catalog.PHONE_LINES[line]
        leg.attributes = dict(run.attributes)
        if self.rng.random() < self.faults.case_duplicate_key_rate:
            # A flow that sets both spellings: keys that differ only by case, as real records have.
            leg.attributes["greetingPlayed"] = "false"
            self.count.case_duplicate_keys += 1
        self.deliver.flow(run)
        self.ensure_profile(customer)
        yield self.env.timeout(max(1, int(run.clock) - self.now))
        leg.ivr_outcome = run.outcome
        if run.outcome != "queued":
            self.end_in_flow(leg, run)
            return
        leg.queue = catalog.QUEUES[run.queue_name]
        patience = self.now + max(5, int(self.rng.expovariate(1 / 200)))
        yield from self.queue_voice(leg, patience, allow_callback=True)

    def queue_voice(self, leg: Leg, patience_until: float, allow_callback: bool) -> Generator:
        outcome, agent = yield from self.wait_for_agent(leg, patience_until, callback=allow_callback, overflow=True)
        if outcome == "connected":
            yield from self.handle_voice(leg, agent)
        elif outcome == "abandoned":
            self.abandon(leg)
            self.complete(leg)
        elif outcome == "callback":
            leg.dequeued_at = self.now
            leg.is_callback_requested = True
            leg.disconnected_at = self.now + randint(self.rng, 3, 8)
            leg.disconnect_reason = "CONTACT_FLOW_DISCONNECT"
            callback = self.new_leg("VOICE", "CALLBACK", leg.customer, previous=leg, relation="CALLBACK")
            callback.queue = leg.queue
            callback.customer_endpoint = leg.customer.phone
            callback.system_endpoint = "Softphone"
            self.complete(leg)
            self.env.process(self.callback_leg(callback))
        else:  # overflow: a Transfer to queue block in the customer queue flow
            leg.dequeued_at = leg.disconnected_at = self.now
            leg.disconnect_reason = "CONTACT_FLOW_DISCONNECT"
            leg.relation_out = "QUEUE_TRANSFER"
            moved = self.new_leg("VOICE", "QUEUE_TRANSFER", leg.customer, previous=leg, relation="QUEUE_TRANSFER")
            moved.queue = catalog.QUEUES[leg.queue.overflow_to]
            moved.connected_to_system_at = self.now
            moved.customer_endpoint, moved.system_endpoint = leg.customer_endpoint, leg.system_endpoint
            run = ivr.transfer_flow(moved.contact_id, self.now, self.rng, False, moved.queue)
            self.deliver.flow(run)
            self.complete(leg)
            self.env.process(self.queue_transferred(moved, run, patience_until))

    def queue_transferred(self, leg: Leg, run: ivr.FlowRun, patience_until: float) -> Generator:
        # the new leg runs the queue transfer flow before it enters the overflow queue
        yield self.env.timeout(max(1, int(run.clock) - self.now))
        yield from self.queue_voice(leg, patience_until, allow_callback=False)

    def callback_leg(self, leg: Leg) -> Generator:
        outcome, agent = yield from self.wait_for_agent(leg, math.inf)
        assert outcome == "connected"
        ring = randint(self.rng, 6, 25)
        yield self.env.timeout(ring)
        if self.rng.random() < 0.12:  # nobody picks up the callback
            leg.disconnected_at = self.now
            leg.disconnect_reason = "TELECOM_UNANSWERED"
            leg.resolved = False
            yield from self.wrap_up(leg, agent, acw=(5, 20))
            return
        leg.connected_to_system_at = self.now
        yield from self.handle_voice(leg, agent)

    def hold(self, leg: Leg, agent: Agent, seconds: int) -> Generator:
        self.agent_stream.set_contact_state(agent, leg.desk, "CONNECTED_ONHOLD", self.now)
        yield self.env.timeout(seconds)
        self.record_hold(leg, seconds)
        self.agent_stream.set_contact_state(agent, leg.desk, "CONNECTED", self.now)

    @staticmethod
    def record_hold(leg: Leg, seconds: int) -> None:
        leg.hold_s += seconds
        leg.holds += 1
        leg.longest_hold_s = max(leg.longest_hold_s, seconds)

    def talk(self, leg: Leg, agent: Agent, seconds: int, hold_probability: float) -> Generator:
        """Talk for `seconds`, with a hold in the middle now and then."""
        if self.rng.random() < hold_probability and seconds > 20:
            first = randint(self.rng, 5, seconds - 5)
            yield self.env.timeout(first)
            yield from self.hold(leg, agent, lognormal(self.rng, 45, 0.6, 5, 400))
            yield self.env.timeout(seconds - first)
        else:
            yield self.env.timeout(seconds)

    def pick_relation(self, leg: Leg) -> str | None:
        if leg.relation in ("CONSULT", "CONFERENCE") or (leg.initial is not None and self._depth(leg) >= 3):
            return None
        if leg.initiation_method == "OUTBOUND":
            return None
        roll = self.rng.random()
        for relation, probability in VOICE_RELATIONS:
            if roll < probability:
                return relation
            roll -= probability
        return None

    @staticmethod
    def _depth(leg: Leg) -> int:
        depth, cursor = 1, leg
        while cursor.previous is not None:
            depth, cursor = depth + 1, cursor.previous
        return depth

    def handle_voice(self, leg: Leg, agent: Agent) -> Generator:
        queue_name = leg.queue.name if leg.queue and leg.queue.name else "Support"
        talk_s = lognormal(self.rng, TALK_MEDIAN_S.get(queue_name, 300), 0.55, 20, 3_600)
        relation = self.pick_relation(leg)
        self.count.by_relation[relation or "NONE"] = self.count.by_relation.get(relation or "NONE", 0) + 1
        first = max(10, int(talk_s * self.rng.uniform(0.3, 0.7)))
        rest = max(10, talk_s - first)
        # An external conference puts the customer on hold only to brief the third party; the published
        # classification compares that hold with the third party's time, so no other holds on this leg.
        hold_probability = 0.0 if relation == "EXTERNAL_CONFERENCE" else 0.25
        yield from self.talk(leg, agent, first, hold_probability)
        if relation in ("TRANSFER_QUEUE", "TRANSFER_AGENT"):
            yield from self.cold_transfer(leg, agent, to_agent=relation == "TRANSFER_AGENT")
            return
        if relation in ("CONSULT", "CONFERENCE"):
            yield from self.consult(leg, agent, conference=relation == "CONFERENCE")
        elif relation == "EXTERNAL_TRANSFER":
            yield from self.external_transfer(leg, agent)
            return
        elif relation in ("EXTERNAL_CONSULT", "EXTERNAL_CONFERENCE"):
            yield from self.external_consult(leg, agent, conference=relation == "EXTERNAL_CONFERENCE")
        yield from self.talk(leg, agent, rest, hold_probability * 0.6)
        leg.disconnected_at = self.now
        leg.disconnect_reason = "CUSTOMER_DISCONNECT" if self.rng.random() < 0.62 else "AGENT_DISCONNECT"
        leg.resolved = self.rng.random() < RESOLVE_RATE.get(queue_name, 0.75)
        yield from self.wrap_up(leg, agent)

    def wrap_up(self, leg: Leg, agent: Agent, acw: tuple[int, int] | None = None) -> Generator:
        """The customer is gone: after-contact work, then the agent clears the contact and the CTR is written."""
        if not leg.interaction_fixed:
            leg.interaction_s = max(0, self.now - leg.connected_to_agent_at - leg.hold_s)
        leg.acw_start_at = self.now
        self.agent_stream.set_contact_state(agent, leg.desk, "ENDED", self.now)
        if acw is None:
            median = {"VOICE": 40, "CHAT": 25, "TASK": 12}[leg.channel]
            seconds = lognormal(self.rng, median, 0.7, 0, 600)
        else:
            seconds = randint(self.rng, *acw)
        yield self.env.timeout(seconds)
        leg.acw_end_at = self.now
        self.agent_stream.clear_contact(agent, leg.contact_id, self.now)
        self.agent_freed(agent)
        self.complete(leg)

    def cold_transfer(self, leg: Leg, agent: Agent, to_agent: bool) -> Generator:
        """Quick connect to a queue or an agent; the first agent drops before anyone answers."""
        target_agent = self._transfer_agent(agent) if to_agent else None
        if target_agent is not None:
            queue = catalog.agent_queue(target_agent.agent_id)
        else:
            queue = catalog.QUEUES[choice(self.rng, TRANSFER_TARGETS.get(leg.queue.name or "Support", ("Support",)))]
        nxt = self.new_leg("VOICE", "TRANSFER", leg.customer, previous=leg, relation="TRANSFER")
        nxt.queue = queue
        nxt.connected_to_system_at = self.now
        nxt.customer_endpoint, nxt.system_endpoint = leg.customer_endpoint, leg.system_endpoint
        self.deliver.flow(ivr.transfer_flow(nxt.contact_id, self.now, self.rng, target_agent is not None, queue))
        yield self.env.timeout(randint(self.rng, 2, 6))
        leg.transfer_completed_at = leg.disconnected_at = self.now
        leg.disconnect_reason = "AGENT_DISCONNECT"
        leg.relation_out = "TRANSFER"
        leg.resolved = False
        patience = self.now + max(10, int(self.rng.expovariate(1 / 240)))
        self.env.process(self.queue_voice(nxt, patience, allow_callback=False))
        yield from self.wrap_up(leg, agent)

    def _transfer_agent(self, agent: Agent) -> Agent | None:
        candidates = [
            a
            for a in self.agents
            if a.logged_in
            and a is not agent
            and a.profile.max_slots("VOICE")
            and a.profile.name in ("Retention Specialists", "Support Voice")
        ]
        return choice(self.rng, candidates) if candidates else None

    def consult(self, leg: Leg, agent: Agent, conference: bool) -> Generator:
        """Hold the customer and call a colleague (a new leg); a conference then brings the customer in."""
        self.agent_stream.set_contact_state(agent, leg.desk, "CONNECTED_ONHOLD", self.now)
        hold_start = self.now
        target = catalog.QUEUES["Retention" if leg.queue and leg.queue.name != "Retention" else "Billing"]
        other = self.new_leg(
            "VOICE", "TRANSFER", leg.customer, previous=leg, relation="CONFERENCE" if conference else "CONSULT"
        )
        leg.next = other
        other.queue = target
        other.connected_to_system_at = self.now
        other.customer_endpoint, other.system_endpoint = leg.customer_endpoint, leg.system_endpoint
        resumed = self.env.event()
        finished = self.env.event()
        give_up = self.now + randint(self.rng, 45, 120)
        self.env.process(self.consulted_leg(other, give_up, conference, resumed, finished))
        yield resumed
        self.record_hold(leg, self.now - hold_start)
        self.agent_stream.set_contact_state(agent, leg.desk, "CONNECTED", self.now)
        yield finished

    def consulted_leg(self, leg: Leg, give_up: int, conference: bool, resumed, finished) -> Generator:
        outcome, agent = yield from self.wait_for_agent(leg, give_up)
        if outcome != "connected":
            # The consulting agent hangs up on the queue: a queued leg that never reached an agent. Nobody
            # joined, so whatever was intended, it was only ever a consult attempt.
            leg.relation = "CONSULT"
            self.abandon(leg)
            leg.disconnect_reason = "AGENT_DISCONNECT"
            self.complete(leg)
            resumed.succeed()
            finished.succeed()
            return
        yield self.env.timeout(lognormal(self.rng, 50, 0.5, 10, 300))  # agents talk, customer on hold
        if not conference:
            # The customer was on hold throughout: Connect counts (almost) no interaction on this leg.
            leg.interaction_s, leg.interaction_fixed = randint(self.rng, 0, 2), True
            resumed.succeed()
        else:
            resumed.succeed()
            yield self.env.timeout(lognormal(self.rng, 90, 0.5, 15, 600))  # three-way with the customer
        leg.disconnected_at = self.now
        leg.disconnect_reason = "AGENT_DISCONNECT"
        leg.resolved = True
        finished.succeed()
        yield from self.wrap_up(leg, agent)

    def external_leg(self, leg: Leg, relation: str) -> Leg:
        other = self.new_leg("VOICE", "EXTERNAL_OUTBOUND", leg.customer, previous=leg, relation=relation)
        other.customer_endpoint = choice(self.rng, catalog.EXTERNAL_PARTNERS)
        other.system_endpoint = leg.system_endpoint
        return other

    def external_transfer(self, leg: Leg, agent: Agent) -> Generator:
        other = self.external_leg(leg, "EXTERNAL_TRANSFER")
        leg.transferred_to_endpoint = other.customer_endpoint
        yield self.env.timeout(randint(self.rng, 5, 15))  # the third party answers
        other.connected_to_system_at = self.now
        yield self.env.timeout(randint(self.rng, 5, 30))  # warm introduction, then the agent drops
        leg.transfer_completed_at = self.now
        leg.relation_out = "EXTERNAL_TRANSFER"
        leg.resolved = False
        third_party_s = lognormal(self.rng, 420, 0.6, 30, 3_600)
        other.external_third_party_s = self.now - other.connected_to_system_at + third_party_s
        # The customer stays on with the third party; both legs see the customer disconnect then.
        customer_leaves = self.now + third_party_s
        other.disconnected_at = leg.disconnected_at = customer_leaves
        other.disconnect_reason = leg.disconnect_reason = "CUSTOMER_DISCONNECT"
        leg.interaction_s, leg.interaction_fixed = self.now - leg.connected_to_agent_at - leg.hold_s, True
        other.resolved = self.rng.random() < 0.7
        self.env.process(self._complete_at(other, customer_leaves))
        yield from self.wrap_up(leg, agent)

    def external_consult(self, leg: Leg, agent: Agent, conference: bool) -> Generator:
        self.agent_stream.set_contact_state(agent, leg.desk, "CONNECTED_ONHOLD", self.now)
        hold_start = self.now
        other = self.external_leg(leg, "EXTERNAL_CONFERENCE" if conference else "EXTERNAL_CONSULT")
        yield self.env.timeout(randint(self.rng, 5, 15))
        other.connected_to_system_at = self.now
        briefing = lognormal(self.rng, 60 if not conference else 20, 0.5, 10, 400)
        yield self.env.timeout(briefing)
        if conference:
            self.record_hold(leg, self.now - hold_start)
            self.agent_stream.set_contact_state(agent, leg.desk, "CONNECTED", self.now)
            yield self.env.timeout(lognormal(self.rng, 120, 0.5, 30, 900))
        other.external_third_party_s = self.now - other.connected_to_system_at
        other.disconnected_at = self.now
        other.disconnect_reason = "THIRD_PARTY_DISCONNECT"
        self.complete(other)
        if not conference:
            self.record_hold(leg, self.now - hold_start)
            self.agent_stream.set_contact_state(agent, leg.desk, "CONNECTED", self.now)

    def _complete_at(self, leg: Leg, at: int) -> Generator:
        yield self.env.timeout(at - self.now)
        self.complete(leg)

    # ---- outbound --------------------------------------------------------------------------------

    def outbound_dialer(self, hourly_rates: list[float], start: int) -> Generator:
        """Sales agents place outbound calls when they are idle."""
        hour_start = start
        while hour_start < self.arrivals_end:
            rate = hourly_rates[(hour_start % 86_400) // 3_600]
            t = float(hour_start)
            while rate > 0 and self.is_open("VOICE", hour_start):
                t += self.rng.expovariate(rate / 3_600.0)
                if t >= hour_start + 3_600:
                    break
                yield self.env.timeout(max(0, int(t) - self.now))
                idle = [a for a in self.router.idle_agents(catalog.QUEUES["Sales"]) if a.profile.makes_outbound_calls]
                if not idle:
                    self.count.outbound_skipped += 1
                    continue
                self.env.process(self.outbound_call(idle[0], choice(self.rng, self.customers)))
            hour_start += 3_600
            yield self.env.timeout(max(0, hour_start - self.now))

    def outbound_call(self, agent: Agent, customer: Customer) -> Generator:
        self.count.arrivals += 1
        leg = self.new_leg("VOICE", "OUTBOUND", customer)
        leg.queue = catalog.QUEUES["OutboundSales"]
        leg.customer_endpoint = customer.phone
        leg.system_endpoint = catalog.PHONE_LINES["Sales"]
        leg.attributes = {"campaign": "renewal-offer", "callReason": "renewal-offer"}
        leg.agent_attempts = 1
        leg.desk = DeskContact(leg.contact_id, None, "VOICE", "OUTBOUND", leg.queue, None, "CONNECTING", self.now)
        self.agent_stream.add_contact(agent, leg.desk)
        self.router.refresh(agent)
        leg.connected_to_agent_at = self.now
        leg.agent, leg.agent_profile = agent, agent.profile
        leg.desk.connected_to_agent_at = self.now
        self.agent_stream.set_contact_state(agent, leg.desk, "CONNECTED", self.now)
        yield self.env.timeout(randint(self.rng, 8, 30))
        if self.rng.random() < 0.3:
            leg.disconnected_at = self.now
            leg.disconnect_reason = "TELECOM_UNANSWERED"
            leg.resolved = True
            yield from self.wrap_up(leg, agent, acw=(3, 15))
            return
        leg.connected_to_system_at = self.now
        yield from self.talk(leg, agent, lognormal(self.rng, TALK_MEDIAN_S["OutboundSales"], 0.6, 15, 2_400), 0.1)
        leg.disconnected_at = self.now
        leg.disconnect_reason = "CUSTOMER_DISCONNECT" if self.rng.random() < 0.5 else "AGENT_DISCONNECT"
        leg.resolved = True
        yield from self.wrap_up(leg, agent)

    # ---- chat and tasks --------------------------------------------------------------------------

    def inbound_chat(self, customer: Customer) -> Generator:
        leg = self.new_leg("CHAT", "API", customer)
        leg.connected_to_system_at = self.now
        leg.customer_endpoint, leg.customer_endpoint_type = customer.email, "EMAIL"
        run = ivr.chat_entry(leg.contact_id, self.now, self.rng, self.is_open("CHAT", self.now), self.reason_for)
        if run.bot_session is not None:
            started, ended, intent = run.bot_session
            self.bot_conversations.record_session(leg.contact_id, started, ended, intent, run.outcome)
        leg.attributes = dict(run.attributes)
        self.deliver.flow(run)
        self.ensure_profile(customer)
        yield self.env.timeout(max(1, int(run.clock) - self.now))
        leg.ivr_outcome = run.outcome
        if run.outcome != "queued":
            leg.chat = self.chat_metrics(leg, abandoned=run.outcome == "dropped", ended_at=self.now)
            self.end_in_flow(leg, run)
            return
        leg.queue = catalog.QUEUES[run.queue_name]
        patience = self.now + max(20, int(self.rng.expovariate(1 / 600)))
        outcome, agent = yield from self.wait_for_agent(leg, patience)
        if outcome != "connected":
            self.abandon(leg)
            leg.chat = self.chat_metrics(leg, abandoned=True)
            self.complete(leg)
            return
        yield self.env.timeout(lognormal(self.rng, 600, 0.5, 60, 5_400))
        leg.disconnected_at = self.now
        roll = self.rng.random()
        leg.disconnect_reason = (
            "CUSTOMER_DISCONNECT" if roll < 0.5 else "AGENT_DISCONNECT" if roll < 0.9 else "IDLE_DISCONNECT"
        )
        leg.resolved = self.rng.random() < RESOLVE_RATE["ChatSupport"]
        leg.chat = self.chat_metrics(leg, abandoned=False)
        yield from self.wrap_up(leg, agent)

    def chat_metrics(self, leg: Leg, abandoned: bool, ended_at: int | None = None) -> dict[str, Any]:
        ended_at = leg.disconnected_at if ended_at is None else ended_at
        bot_messages = randint(self.rng, 2, 6)
        customer_messages = 0 if abandoned else randint(self.rng, 4, 25)
        agent_messages = 0 if not leg.is_handled else randint(self.rng, 4, 25)
        first_response_ms = None if not leg.is_handled else randint(self.rng, 3_000, 40_000)
        participant = lambda pid, role, sent, gave_up: {  # noqa: E731
            "ParticipantId": pid,
            "ParticipantType": role,
            "ConversationAbandon": gave_up,
            "MessagesSent": sent,
            "NumResponses": max(0, sent - 1),
            "MessageLengthInChars": sent * randint(self.rng, 30, 90),
            "TotalResponseTimeInMillis": sent * randint(self.rng, 5_000, 60_000) if sent else 0,
            "MaxResponseTimeInMillis": randint(self.rng, 20_000, 180_000) if sent else 0,
            "LastMessageTimestamp": None if not sent else iso_seconds(ended_at),
        }
        return {
            "ContactMetrics": {
                "MultiParty": False,
                "TotalMessages": bot_messages + customer_messages + agent_messages,
                "TotalBotMessages": bot_messages,
                "TotalBotMessageLengthInChars": bot_messages * 60,
                "ConversationCloseTimeInMillis": (ended_at - leg.initiated_at) * 1000,
                "ConversationTurnCount": min(customer_messages, agent_messages) + bot_messages // 2,
                "AgentFirstResponseTimestamp": None
                if first_response_ms is None
                else iso_seconds(leg.connected_to_agent_at + first_response_ms // 1000),
                "AgentFirstResponseTimeInMillis": first_response_ms,
            },
            "CustomerMetrics": participant(f"{leg.contact_id[:8]}-customer", "CUSTOMER", customer_messages, abandoned),
            "AgentMetrics": None
            if not leg.is_handled
            else participant(f"{leg.contact_id[:8]}-agent", "AGENT", agent_messages, False),
        }

    def task(self, customer: Customer) -> Generator:
        leg = self.new_leg("TASK", "API", customer)
        leg.connected_to_system_at = self.now
        run = ivr.task_intake(leg.contact_id, self.now, self.rng, self.reason_for)
        leg.attributes = dict(run.attributes)
        self.deliver.flow(run)
        yield self.env.timeout(max(1, int(run.clock) - self.now))
        leg.ivr_outcome = run.outcome
        if run.outcome != "queued":
            self.end_in_flow(leg, run)
            return
        leg.queue = catalog.QUEUES["BackOffice"]
        _, agent = yield from self.wait_for_agent(leg, math.inf)
        work = lognormal(self.rng, 900, 0.5, 60, 7_200)
        if self.rng.random() < 0.15:
            first = randint(self.rng, 30, work)
            yield self.env.timeout(first)
            self.agent_stream.set_contact_state(agent, leg.desk, "PAUSED", self.now)
            paused = lognormal(self.rng, 600, 0.6, 60, 3_600)
            yield self.env.timeout(paused)
            leg.pause_s, leg.pauses = paused, 1
            self.agent_stream.set_contact_state(agent, leg.desk, "CONNECTED", self.now)
            yield self.env.timeout(work - first)
        else:
            yield self.env.timeout(work)
        leg.disconnected_at = self.now
        leg.disconnect_reason = "AGENT_COMPLETED"
        leg.resolved = True
        leg.interaction_s, leg.interaction_fixed = self.now - leg.connected_to_agent_at - leg.pause_s, True
        yield from self.wrap_up(leg, agent)

    # ---- completion ------------------------------------------------------------------------------

    def complete(self, leg: Leg) -> None:
        """The leg is over: its record and analyses are delivered, then the customer may change and come back."""
        self.instance_metrics.record(leg)
        self.audit_trail.record_leg(leg)
        last_update = self.deliver.contact_record(leg, self.now)
        if last_update is None:
            return
        self.deliver.contact_lens(leg)
        if leg.next is None or leg.next.relation in CONSULT_RELATIONS:
            if leg.is_handled and maybe_change_profile(leg.customer, self.rng):
                self.deliver.profile_event(leg.customer, "UPDATED", last_update)
            self.maybe_repeat(leg)
