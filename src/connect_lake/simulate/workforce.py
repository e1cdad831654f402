"""Hiring and rostering: how many agents each routing profile needs, their shifts, breaks and statuses.

Headcount follows the forecast load per routing profile and hour (Erlangs at a target occupancy), covered
greedily with 8.5-hour shifts. During a shift an agent takes two breaks and lunch (custom statuses), some
attend training or a meeting, a few are absent on a given day, and a few move to another routing profile
between days (so the agent dimension has history). A status chosen while on a contact waits as
`NextAgentStatus` until the desk is clear, as in the CCP. One floor supervisor stays logged in for the whole
period in a custom status, as real centres have someone do: one status span lasting days.
"""

from __future__ import annotations

import math
import random
from collections.abc import Generator
from typing import Any

import simpy

from connect_lake.simulate import catalog
from connect_lake.simulate.agents import Agent, AgentEventStream
from connect_lake.simulate.catalog import ChannelMix
from connect_lake.simulate.customers import FIRST_NAMES, LAST_NAMES
from connect_lake.simulate.rand import choice, randint
from connect_lake.simulate.routing import Router
from connect_lake.simulate.timefmt import iso_seconds

SHIFT_S = 8 * 3_600 + 1_800
AVAILABLE_SHARE = 0.85  # of a shift, once breaks and lunch are out
TARGET_OCCUPANCY = 0.85
# Workload per contact reaching the profile, in agent-seconds per concurrency slot.
WORK_PER_CONTACT_S = {"VOICE": 420.0, "CHAT": 700.0 / 2.4, "TASK": 1_000.0 / 2.0, "OUTBOUND": 260.0}
PROFILE_LOAD = {  # share of each channel's queued work served by each profile
    "Sales Voice": {"VOICE": 0.28, "OUTBOUND": 1.0},
    "Support Voice": {"VOICE": 0.45},
    "Retention Specialists": {"VOICE": 0.12},
    "Blended Support": {"VOICE": 0.15, "CHAT": 0.25},
    "Chat Specialists": {"CHAT": 0.75},
    "Back Office": {"TASK": 1.0},
}
REACHES_QUEUE = {"VOICE": 0.86, "CHAT": 0.68, "TASK": 0.8, "OUTBOUND": 0.7}


def hourly_rates(daily_contacts: int, mix: ChannelMix) -> dict[str, list[float]]:
    """Arrivals per hour of the day by channel. Customers call and chat on the intraday curve; tasks (web
    forms, e-mails turned into tasks) arrive around the clock, and those that arrive after the back office
    has gone home wait overnight, across midnight."""
    total = sum(catalog.INTRADAY_WEIGHTS)
    return {
        channel: (
            [daily_contacts * share / 24] * 24
            if channel == "TASK"
            else [daily_contacts * share * w / total for w in catalog.INTRADAY_WEIGHTS]
        )
        for channel, share in mix.as_dict().items()
    }


def required_agents(rates: dict[str, list[float]], staffing_factor: float) -> dict[str, list[int]]:
    need: dict[str, list[int]] = {}
    for profile, loads in PROFILE_LOAD.items():
        per_hour = []
        for hour in range(24):
            erlangs = sum(
                rates[channel][hour] * REACHES_QUEUE[channel] * WORK_PER_CONTACT_S[channel] * share / 3_600
                for channel, share in loads.items()
            )
            per_hour.append(math.ceil(erlangs * staffing_factor / TARGET_OCCUPANCY / AVAILABLE_SHARE))
        open_from, open_to = catalog.OPEN_HOURS["TASK" if profile == "Back Office" else "VOICE"]
        if profile == "Back Office":
            open_from, open_to = 7, 21  # back office works office hours; tasks wait overnight
        need[profile] = [n if open_from <= h < open_to else 0 for h, n in enumerate(per_hour)]
    return need


def roster(need: list[int], rng: random.Random) -> list[int]:
    """Shift start times (seconds after midnight) covering `need` agents per hour, greedily."""
    coverage = [0] * 24
    starts: list[int] = []
    last_start = 14  # shifts end by 22:30
    for hour in range(24):
        while coverage[hour] < need[hour]:
            start = min(hour, last_start)
            starts.append(max(0, start * 3_600 - choice(rng, (0, 900, 1_800))))
            for h in range(start, min(24, start + 8)):
                coverage[h] += 1
            if start < hour:  # no shift can start later than last_start; accept the gap
                break
    return starts


def hire(rates: dict[str, list[float]], staffing_factor: float, rng: random.Random) -> list[Agent]:
    """Enough agents for the busiest day of the week; each works a weekday with the chance that day's demand
    is of the busiest's, so quieter days have fewer agents on (weekends most of all)."""
    agents: list[Agent] = []
    peak = max(catalog.WEEKDAY_DEMAND)
    need = required_agents({c: [r * peak for r in hourly] for c, hourly in rates.items()}, staffing_factor)
    for profile_name, hours in need.items():
        for shift_start in roster(hours, rng):
            n = len(agents) + 1
            first, last = choice(rng, FIRST_NAMES), choice(rng, LAST_NAMES)
            agents.append(
                Agent(
                    agent_id=f"{rng.getrandbits(128):032x}"[:8] + f"-{n:04d}-4000-8000-{rng.getrandbits(48):012x}",
                    username=f"{first.lower()}.{last.lower()}{n}",
                    first_name=first,
                    last_name=last,
                    profile=catalog.ROUTING_PROFILES[profile_name],
                    site=catalog.SITES[n % 2],
                    team=catalog.TEAMS[n % len(catalog.TEAMS)],
                    shift_start_s=shift_start,
                    shift_days=frozenset(
                        d for d, demand in enumerate(catalog.WEEKDAY_DEMAND) if rng.random() < demand / peak
                    ),
                )
            )
    n = len(agents) + 1
    agents.append(
        Agent(
            agent_id=f"{rng.getrandbits(128):032x}"[:8] + f"-{n:04d}-4000-8000-{rng.getrandbits(48):012x}",
            username=f"floor.supervisor{n}",
            first_name="Floor",
            last_name="Supervisor",
            profile=catalog.ROUTING_PROFILES["Support Voice"],
            site=catalog.SITES[0],
            team=catalog.TEAMS[0],
            shift_start_s=0,
            shift_days=frozenset(range(7)),
        )
    )
    return agents


def is_supervisor(agent: Agent) -> bool:
    return agent.username.startswith("floor.supervisor")


class Workforce:
    def __init__(
        self,
        env: simpy.Environment,
        agents: list[Agent],
        stream: AgentEventStream,
        router: Router,
        seed: int,
        start: int,
        days: int,
    ) -> None:
        self.env = env
        self.agents = agents
        self.stream = stream
        self.router = router
        self.rng = random.Random(f"{seed}/workforce")
        self.start = start
        self.days = days
        self.versions: list[dict[str, Any]] = []
        self._open_version: dict[str, dict[str, Any]] = {}
        # A few agents move to another routing profile on a later day.
        rostered = [a for a in agents if not is_supervisor(a)]
        movers = self.rng.sample(rostered, max(1, round(len(rostered) * 0.06))) if days > 1 else []
        self.moves = {a.agent_id: (randint(self.rng, 1, days - 1), self._other_profile(a)) for a in movers}

    def _other_profile(self, agent: Agent) -> catalog.RoutingProfile:
        options = {
            "Support Voice": "Blended Support",
            "Blended Support": "Support Voice",
            "Sales Voice": "Retention Specialists",
            "Retention Specialists": "Sales Voice",
            "Chat Specialists": "Blended Support",
            "Back Office": "Support Voice",
        }
        return catalog.ROUTING_PROFILES[options[agent.profile.name]]

    def start_all(self) -> None:
        for agent in self.agents:
            self.env.process(self.supervise(agent) if is_supervisor(agent) else self.shifts(agent))

    def supervise(self, agent: Agent) -> Generator:
        """Logged in from a few minutes into the period until its last day ends, never routable."""
        yield self.env.timeout(max(0, self.start + 300 - self.env.now))
        self.stream.login(agent, self.env.now)
        self._version(agent, self.env.now)
        yield self.env.timeout(60)
        yield from self.request_status(agent, catalog.STATUSES["Supervising"])
        yield self.env.timeout(max(0, self.start + self.days * 86_400 - self.env.now))
        yield from self.request_status(agent, catalog.STATUSES["Offline"])
        yield self.env.timeout(30)
        self.stream.logout(agent, self.env.now)

    def _version(self, agent: Agent, at: float) -> None:
        current = self._open_version.get(agent.agent_id)
        if current is not None and current["routing_profile"] == agent.profile.name:
            return
        if current is not None:
            current["valid_to_at"] = iso_seconds(at)
        version = {
            "agent_id": agent.agent_id,
            "agent_username": agent.username,
            "first_name": agent.first_name,
            "last_name": agent.last_name,
            "routing_profile": agent.profile.name,
            "hierarchy_level1": agent.site.name,
            "hierarchy_level2": catalog.DEPARTMENTS[agent.profile.name].name,
            "hierarchy_level3": agent.team.name,
            "valid_from_at": iso_seconds(at),
            "valid_to_at": "",
        }
        self.versions.append(version)
        self._open_version[agent.agent_id] = version

    def request_status(self, agent: Agent, status: catalog.AgentStatus) -> Generator:
        if agent.desk:
            agent.next_status = status
            self.stream.publish(agent, "STATE_CHANGE", self.env.now)
            self.router.refresh(agent)
            agent.idle_waiter = self.env.event()
            yield agent.idle_waiter
        self.stream.set_status(agent, status, self.env.now)
        self.router.refresh(agent)

    def become_available(self, agent: Agent) -> None:
        self.stream.set_status(agent, catalog.STATUSES["Available"], self.env.now)
        self.router.refresh(agent)

    def shifts(self, agent: Agent) -> Generator:
        rng = self.rng
        for day in range(self.days):
            day_start = self.start + day * 86_400
            login_at = day_start + agent.shift_start_s + randint(rng, -300, 420)
            absent = rng.random() < 0.04
            move = self.moves.get(agent.agent_id)
            if move is not None and move[0] == day:
                agent.pending_profile = move[1]
            if absent or int(day_start // 86_400 + 3) % 7 not in agent.shift_days:
                continue
            yield self.env.timeout(max(0, login_at - self.env.now))
            login_at = int(self.env.now)
            self.stream.login(agent, self.env.now)
            self._version(agent, self.env.now)
            yield self.env.timeout(randint(rng, 20, 180))
            self.become_available(agent)
            plan = [(2 * 3_600, "Break", 900), (4 * 3_600, "Lunch", 1_800), (6 * 3_600 + 1_800, "Break", 900)]
            if rng.random() < 0.08:
                plan.insert(1, (3 * 3_600, "Training", 3_600))
            if rng.random() < 0.05:
                plan.append((7 * 3_600, "Meeting", 1_200))
            for offset, status, duration in sorted(plan):
                yield self.env.timeout(max(0, login_at + offset + randint(rng, -300, 300) - self.env.now))
                yield from self.request_status(agent, catalog.STATUSES[status])
                yield self.env.timeout(duration + randint(rng, -120, 240))
                self.become_available(agent)
            yield self.env.timeout(max(0, login_at + SHIFT_S - self.env.now))
            yield from self.request_status(agent, catalog.STATUSES["Offline"])
            yield self.env.timeout(randint(rng, 5, 60))
            self.stream.logout(agent, self.env.now)
