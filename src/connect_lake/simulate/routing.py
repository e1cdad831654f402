"""Queue routing as Amazon Connect does it: longest-waiting contact to the longest-idle agent.

An agent takes work from the queues of its routing profile (priority first, then oldest contact) and from its
own agent queue before anything else, within the concurrency its profile allows per channel. Waiting contacts
leave queues lazily: an entry is live only while its token matches the contact's current one.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from typing import Any

from connect_lake.simulate import catalog
from connect_lake.simulate.agents import Agent
from connect_lake.simulate.catalog import Queue


class Router:
    def __init__(self, now: Callable[[], float]) -> None:
        self._now = now
        self.waiting: dict[str, deque[tuple[int, Any]]] = {}
        self.available: dict[str, dict[Agent, None]] = {}
        self.queues: dict[str, Queue] = {}

    def _key(self, queue: Queue) -> str:
        key = queue.arn
        if key not in self.waiting:
            self.waiting[key] = deque()
            self.available[key] = {}
            self.queues[key] = queue
        return key

    def _agent_queue_keys(self, agent: Agent) -> list[tuple[int, str]]:
        keys = [(0, self._key(catalog.agent_queue(agent.agent_id)))]
        keys += [(priority, self._key(catalog.QUEUES[name])) for name, priority in agent.profile.queues]
        return keys

    # ---- contacts ------------------------------------------------------------------------------

    def enqueue(self, leg: Any, front: bool = False) -> None:
        """Put `leg` in its queue; `leg.waiting_token` identifies this stay, `leg.assigned` is fired."""
        key = self._key(leg.queue)
        leg.waiting_token += 1
        entry = (leg.waiting_token, leg)
        if front:
            self.waiting[key].appendleft(entry)
        else:
            self.waiting[key].append(entry)
        self._offer_to_idle_agent(key)

    @staticmethod
    def withdraw(leg: Any) -> None:
        leg.waiting_token += 1

    def _head(self, key: str) -> Any | None:
        waiting = self.waiting[key]
        while waiting:
            token, leg = waiting[0]
            if token == leg.waiting_token:
                return leg
            waiting.popleft()
        return None

    def _offer_to_idle_agent(self, key: str) -> None:
        queue = self.queues[key]
        now = self._now()
        head = self._head(key)
        for agent in list(self.available[key]):
            if agent.routable(now) and agent.free_slots(queue.channel) > 0:
                if head is not None and head.contact_id in agent.desk:
                    continue
                self.refresh(agent)
                return
            del self.available[key][agent]

    # ---- agents --------------------------------------------------------------------------------

    def refresh(self, agent: Agent) -> None:
        """Give `agent` all the work it can take now, then list it as idle where it has room."""
        keys = self._agent_queue_keys(agent)
        for _, key in keys:
            self.available[key].pop(agent, None)
        now = self._now()
        if not agent.routable(now):
            return
        while True:
            best = None
            for priority, key in keys:
                queue = self.queues[key]
                if agent.free_slots(queue.channel) <= 0:
                    continue
                leg = self._head(key)
                # an agent still clearing a missed offer of this very contact is not offered it again
                if leg is None or leg.contact_id in agent.desk:
                    continue
                rank = (priority, leg.enqueued_at)
                if best is None or rank < best[0]:
                    best = (rank, key, leg)
            if best is None:
                break
            _, key, leg = best
            self.waiting[key].popleft()
            leg.waiting_token += 1
            leg.assign(agent)
            if not agent.routable(now):
                return
        for _, key in keys:
            if agent.free_slots(self.queues[key].channel) > 0:
                self.available[key][agent] = None

    def idle_agents(self, queue: Queue) -> list[Agent]:
        key = self._key(queue)
        now = self._now()
        return [a for a in self.available[key] if a.routable(now) and a.free_slots(queue.channel) > 0]
