"""A contact leg: one ContactId, as the simulation lived it.

Each transfer, consult, callback and queue transfer creates a new leg linked to the one before it, exactly as
Connect creates a new contact record per leg. The simulation fills the leg as things happen; the CTR is
rendered from it when the leg completes, and so is the leg's row of ground truth.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from connect_lake.simulate.catalog import Queue
from connect_lake.simulate.customers import Customer


@dataclass(eq=False, slots=True)
class Leg:
    contact_id: str
    channel: str
    initiation_method: str
    initiated_at: int
    customer: Customer
    initial: Leg | None = None
    previous: Leg | None = None
    relation: str | None = None  # how this leg relates to `previous`, as the simulation created it
    reason: str = ""
    connected_to_system_at: int | None = None
    system_endpoint: str | None = None
    customer_endpoint: str | None = None
    customer_endpoint_type: str = "TELEPHONE_NUMBER"
    # queue
    queue: Queue | None = None
    enqueued_at: int | None = None
    dequeued_at: int | None = None
    waiting_token: int = 0
    assigned: Any = None  # simpy event fired by the router
    on_assign: Any = None
    # agent
    agent: Any = None
    agent_profile: Any = None
    connected_to_agent_at: int | None = None
    agent_attempts: int = 0
    interaction_s: int = 0
    interaction_fixed: bool = False  # set by the flow that knows it better than connected time - hold
    hold_s: int = 0
    holds: int = 0
    longest_hold_s: int = 0
    pause_s: int = 0
    pauses: int = 0
    acw_start_at: int | None = None
    acw_end_at: int | None = None
    # end
    transfer_completed_at: int | None = None
    transferred_to_endpoint: str | None = None
    external_third_party_s: int | None = None
    disconnected_at: int | None = None
    disconnect_reason: str | None = None
    next: Leg | None = None
    relation_out: str | None = None  # how the customer left this leg for `next`, when it was a transfer
    desk: Any = None  # the agent-side view of this leg while it is on an agent's desk
    attributes: dict[str, str] = field(default_factory=dict)
    # outcome, as the simulation knows it
    ivr_outcome: str = "none"  # contained, dropped, closed, queued, none
    is_abandoned: bool = False
    is_callback_requested: bool = False
    resolved: bool = False
    chat: dict[str, Any] | None = None
    recording_started_at: int | None = None
    # call quality (call_quality.AudioQuality per side), measured when the record is written
    agent_audio: Any = None
    customer_audio: Any = None

    @property
    def root(self) -> Leg:
        return self.initial if self.initial is not None else self

    @property
    def is_queued(self) -> bool:
        return self.enqueued_at is not None

    @property
    def is_handled(self) -> bool:
        return self.connected_to_agent_at is not None

    @property
    def queue_duration_s(self) -> int | None:
        if self.enqueued_at is None:
            return 0 if self.queue is not None else None
        end = self.dequeued_at if self.dequeued_at is not None else self.disconnected_at
        return int(end - self.enqueued_at)

    @property
    def acw_s(self) -> int | None:
        if self.acw_start_at is None or self.acw_end_at is None:
            return None
        return int(self.acw_end_at - self.acw_start_at)

    @property
    def handle_time_s(self) -> int | None:
        if not self.is_handled:
            return None
        return self.interaction_s + self.hold_s + (self.acw_s or 0) + self.pause_s

    def assign(self, agent: Any) -> None:
        self.on_assign(self, agent)
