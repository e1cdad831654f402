"""Agents, their selected status, the contacts on their desk, and the agent event stream they publish.

Each state change publishes a STATE_CHANGE event carrying the snapshot before and after; LOGIN and LOGOUT
bound sessions; HEART_BEAT fills every 120 s in which nothing else was published, and goes on for up to an
hour after logout, as the real stream does. The selected status (`AgentStatus`) is not the activity: an
agent stays "Available" while on a call, and the contact states in `Contacts[]` say what they are doing.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import orjson

from connect_lake.simulate import catalog
from connect_lake.simulate.catalog import AgentStatus, HierarchyGroup, RoutingProfile
from connect_lake.simulate.rand import randint
from connect_lake.simulate.timefmt import iso_millis

HEARTBEAT_S = 120


@dataclass(slots=True)
class DeskContact:
    """One contact in an agent's snapshot (`Contacts[]`)."""

    contact_id: str
    initial_contact_id: str | None
    channel: str
    initiation_method: str
    queue: catalog.Queue | None
    queued_at: float | None
    state: str
    state_start: float
    connected_to_agent_at: float | None = None
    rendered: orjson.Fragment | None = None  # the JSON of this contact until its state changes

    def as_json(self) -> orjson.Fragment:
        if self.rendered is None:
            self.rendered = orjson.Fragment(orjson.dumps(self._render()))
        return self.rendered

    def _render(self) -> dict:
        return {
            "ContactId": self.contact_id,
            "InitialContactId": self.initial_contact_id,
            # The agent event stream spells the task channel in the plural.
            "Channel": "TASKS" if self.channel == "TASK" else self.channel,
            "InitiationMethod": self.initiation_method,
            "State": self.state,
            "StateStartTimestamp": iso_millis(self.state_start),
            "ConnectedToAgentTimestamp": iso_millis(self.connected_to_agent_at),
            "QueueTimestamp": iso_millis(self.queued_at),
            "Queue": None if self.queue is None else {"ARN": self.queue.arn, "Name": self.queue.name},
        }


@dataclass(eq=False, slots=True)
class Agent:
    agent_id: str
    username: str
    first_name: str
    last_name: str
    profile: RoutingProfile
    site: HierarchyGroup
    team: HierarchyGroup
    shift_start_s: int  # seconds after midnight UTC
    shift_days: frozenset[int]  # weekdays worked, Monday = 0
    status: AgentStatus = field(default_factory=lambda: catalog.STATUSES["Offline"])
    status_since: float = 0.0
    next_status: AgentStatus | None = None
    logged_in: bool = False
    desk: dict[str, DeskContact] = field(default_factory=dict)
    slots_used: dict[str, int] = field(default_factory=dict)
    unroutable_until: float = 0.0
    # event-stream bookkeeping
    snapshot: orjson.Fragment | None = None
    config: orjson.Fragment | None = None
    last_event_at: float = 0.0
    heartbeat_until: float = 0.0
    pending_profile: RoutingProfile | None = None
    config_cache: dict[tuple, orjson.Fragment] = field(default_factory=dict)
    idle_waiter: Any = None  # simpy event fired when the desk empties (a pending status can apply)

    @property
    def arn(self) -> str:
        return catalog.arn("agent", self.agent_id)

    def free_slots(self, channel: str) -> int:
        # Voice is exclusive: no chat or task while on a call, and no call while chats or tasks are open.
        used = self.slots_used
        if channel == "VOICE":
            if any(n for c, n in used.items() if c != "VOICE"):
                return 0
        elif used.get("VOICE", 0):
            return 0
        return self.profile.max_slots(channel) - used.get(channel, 0)

    def is_busy(self) -> bool:
        return bool(self.desk)

    def routable(self, now: float) -> bool:
        return (
            self.logged_in
            and self.status.type == "ROUTABLE"
            and self.next_status is None
            and now >= self.unroutable_until
        )

    def build_config(self) -> orjson.Fragment:
        # Only the free slots change between most events: cache the rendered configuration per state.
        key = (
            self.profile.name,
            self.first_name,
            self.last_name,
            tuple(self.free_slots(channel) for channel, _ in self.profile.concurrency),
        )
        cached = self.config_cache.get(key)
        if cached is None:
            cached = self.config_cache[key] = self._render_config()
        return cached

    def _render_config(self) -> orjson.Fragment:
        profile = self.profile
        queues = [catalog.QUEUES[name] for name, _ in profile.queues]
        outbound = catalog.QUEUES[profile.outbound_queue]
        config = {
            "AgentHierarchyGroups": {
                "Level1": {"ARN": self.site.arn, "Name": self.site.name},
                "Level2": {
                    "ARN": catalog.DEPARTMENTS[profile.name].arn,
                    "Name": catalog.DEPARTMENTS[profile.name].name,
                },
                "Level3": {"ARN": self.team.arn, "Name": self.team.name},
                "Level4": None,
                "Level5": None,
            },
            "FirstName": self.first_name,
            "LastName": self.last_name,
            "RoutingProfile": {
                "ARN": profile.arn,
                "Name": profile.name,
                "Concurrency": [
                    {"AvailableSlots": max(0, self.free_slots(channel)), "Channel": channel, "MaximumSlots": slots}
                    for channel, slots in profile.concurrency
                ],
                "DefaultOutboundQueue": {"ARN": outbound.arn, "Name": outbound.name, "Channels": ["VOICE"]},
                "InboundQueues": [{"ARN": q.arn, "Name": q.name, "Channels": [q.channel]} for q in queues]
                + [
                    {
                        "ARN": catalog.arn("queue/agent", self.agent_id),
                        "Name": None,
                        "Channels": ["VOICE", "CHAT", "TASK"],
                    }
                ],
            },
            "Username": self.username,
        }
        return orjson.Fragment(orjson.dumps(config))


class AgentTruth:
    """Receives every status span and every contact-state span, as the simulation knows them."""

    def status_span(self, agent: Agent, status: AgentStatus, start: float, end: float) -> None: ...

    def contact_span(self, agent: Agent, desk: DeskContact, start: float, end: float) -> None: ...


@dataclass
class AgentEventStream:
    """Publishes agent events; `sink(arrival_s, line)` delivers them (Kinesis then Firehose)."""

    sink: Callable[[float, bytes], None]
    rng: random.Random
    truth: AgentTruth
    duplicate_rate: float = 0.0
    events_published: int = 0
    duplicates_published: int = 0

    def _event_time(self, agent: Agent, now: float) -> float:
        # Events carry millisecond timestamps; keep them strictly increasing per agent.
        stamp = now + self.rng.random() * 0.4
        return max(stamp, agent.last_event_at + 0.001)

    def _publish(self, agent: Agent, event_type: str, at: float, previous, current) -> None:
        event = {
            "AWSAccountId": catalog.ACCOUNT_ID,
            "AgentARN": agent.arn,
            "CurrentAgentSnapshot": current,
            "EventId": f"{self.rng.getrandbits(128):032x}",
            "EventTimestamp": iso_millis(at),
            "EventType": event_type,
            "InstanceARN": catalog.INSTANCE_ARN,
            "PreviousAgentSnapshot": previous,
            "Version": catalog.AGENT_EVENT_VERSION,
        }
        line = orjson.dumps(event)
        arrival = at + 0.5 + self.rng.random() * 2.0
        self.sink(arrival, line)
        self.events_published += 1
        if self.duplicate_rate and self.rng.random() < self.duplicate_rate:
            # Kinesis is at-least-once: the same EventId arrives again.
            self.sink(arrival + self.rng.random() * 30.0, line)
            self.duplicates_published += 1

    def fill_heartbeats(self, agent: Agent, until: float) -> None:
        limit = min(until, agent.heartbeat_until)
        while agent.snapshot is not None and agent.last_event_at + HEARTBEAT_S <= limit:
            at = agent.last_event_at + HEARTBEAT_S
            self._publish(agent, "HEART_BEAT", at, agent.snapshot, agent.snapshot)
            agent.last_event_at = at

    def _snapshot(self, agent: Agent, now: float) -> orjson.Fragment:
        if agent.config is None:
            agent.config = agent.build_config()
        snapshot = {
            "AgentStatus": {
                "ARN": agent.status.arn,
                "Name": agent.status.name,
                "StartTimestamp": iso_millis(agent.status_since),
                "Type": agent.status.type,
            },
            "NextAgentStatus": None
            if agent.next_status is None
            else {
                "ARN": agent.next_status.arn,
                "Name": agent.next_status.name,
                "EnqueuedTimestamp": iso_millis(now),
            },
            "Configuration": agent.config,
            "Contacts": [c.as_json() for c in agent.desk.values()],
        }
        return orjson.Fragment(orjson.dumps(snapshot))

    def publish(self, agent: Agent, event_type: str, now: float, config_changed: bool = False) -> None:
        self.fill_heartbeats(agent, now)
        if config_changed or agent.config is None:
            agent.config = agent.build_config()
        at = self._event_time(agent, now)
        current = self._snapshot(agent, at)
        previous = agent.snapshot if agent.snapshot is not None else current
        if event_type == "LOGIN":
            previous = None
        self._publish(agent, event_type, at, previous, current)
        agent.snapshot = current
        agent.last_event_at = at

    # ---- state changes -------------------------------------------------------------------------

    def set_status(self, agent: Agent, status: AgentStatus, now: float) -> None:
        if agent.logged_in and agent.status is not status:
            self.truth.status_span(agent, agent.status, agent.status_since, now)
        agent.status, agent.status_since, agent.next_status = status, now, None
        self.publish(agent, "STATE_CHANGE", now)

    def set_contact_state(self, agent: Agent, desk: DeskContact, state: str, now: float) -> None:
        self.truth.contact_span(agent, desk, desk.state_start, now)
        desk.state, desk.state_start, desk.rendered = state, now, None
        self.publish(agent, "STATE_CHANGE", now)

    def add_contact(self, agent: Agent, desk: DeskContact) -> None:
        agent.desk[desk.contact_id] = desk
        agent.slots_used[desk.channel] = agent.slots_used.get(desk.channel, 0) + 1
        self.publish(agent, "STATE_CHANGE", desk.state_start, config_changed=True)

    def clear_contact(self, agent: Agent, contact_id: str, now: float) -> None:
        desk = agent.desk.pop(contact_id)
        self.truth.contact_span(agent, desk, desk.state_start, now)
        agent.slots_used[desk.channel] -= 1
        self.publish(agent, "STATE_CHANGE", now, config_changed=True)

    def login(self, agent: Agent, now: float) -> None:
        # the heartbeats that followed the last logout stopped within the hour after it: none between then and
        # this login
        self.fill_heartbeats(agent, now)
        agent.heartbeat_until = 0.0
        agent.logged_in = True
        agent.status, agent.status_since = catalog.STATUSES["Offline"], now
        if agent.pending_profile is not None:
            agent.profile, agent.pending_profile = agent.pending_profile, None
        self.publish(agent, "LOGIN", now, config_changed=True)
        agent.heartbeat_until = float("inf")

    def logout(self, agent: Agent, now: float) -> None:
        self.truth.status_span(agent, agent.status, agent.status_since, now)
        agent.status, agent.status_since, agent.next_status = catalog.STATUSES["Offline"], now, None
        agent.logged_in = False
        self.publish(agent, "LOGOUT", now)
        agent.heartbeat_until = now + randint(self.rng, 0, 3_600)
