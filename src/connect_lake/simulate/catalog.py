"""The simulated Connect instance: queues, routing profiles, agent statuses, hierarchy and flows.

Everything here is static configuration. The dbt seed `queue_service_level_targets.csv` must agree with
`QUEUES` (a test holds them together), because the service-level threshold X is configuration in Connect.
"""

from __future__ import annotations

from dataclasses import dataclass

ACCOUNT_ID = "123456789012"
REGION = "us-east-1"
INSTANCE_ID = "7c4b1f0e-3d2a-4e8b-9f61-2a5d8c0b9e13"
INSTANCE_ALIAS = "acme-care"
INSTANCE_ARN = f"arn:aws:connect:{REGION}:{ACCOUNT_ID}:instance/{INSTANCE_ID}"
RECORDING_BUCKET = f"amazon-connect-{INSTANCE_ID[:12]}"
PROFILES_DOMAIN = "acme-care-customers"

CTR_FORMAT_VERSION = "2017-03-10"
AGENT_EVENT_VERSION = "2019-05-25"


def arn(kind: str, resource_id: str) -> str:
    return f"{INSTANCE_ARN}/{kind}/{resource_id}"


@dataclass(frozen=True, slots=True)
class Queue:
    queue_id: str
    name: str | None
    channel: str
    service_level_threshold_s: int
    callback_offer_after_s: int | None = None
    overflow_after_s: int | None = None
    overflow_to: str | None = None
    agent_owner: str | None = None  # agent queues (transfer to agent) belong to one agent

    @property
    def arn(self) -> str:
        if self.agent_owner is not None:
            return arn("queue/agent", self.agent_owner)
        return arn("queue", self.queue_id)


QUEUES: dict[str, Queue] = {
    q.name: q
    for q in (
        Queue("b1f3c6a2-0d41-4f0e-9a57-5e2d7c1a9b01", "Sales", "VOICE", 20, callback_offer_after_s=90),
        Queue("c2e4d7b3-1e52-4a1f-8b68-6f3e8d2b0c12", "Support", "VOICE", 30, callback_offer_after_s=75),
        Queue(
            "d3f5e8c4-2f63-4b2a-9c79-7a4f9e3c1d23",
            "Billing",
            "VOICE",
            20,
            overflow_after_s=150,
            overflow_to="Support",
        ),
        Queue("e4a6f9d5-3a74-4c3b-8d8a-8b5a0f4d2e34", "Retention", "VOICE", 20),
        Queue("f5b7a0e6-4b85-4d4c-9e9b-9c6b1a5e3f45", "ChatSupport", "CHAT", 60),
        Queue("a6c8b1f7-5c96-4e5d-8fac-ad7c2b6f4a56", "BackOffice", "TASK", 3600),
        Queue("0a7d9c2e-6da7-4f6e-9abd-be8d3c7a5b67", "OutboundSales", "VOICE", 20),
    )
}

INBOUND_VOICE_MENU = {"1": "Sales", "2": "Support", "3": "Billing"}
PHONE_LINES = {
    "Sales": "+18005550101",
    "Service": "+18005550102",
}
EXTERNAL_PARTNERS = ["+18885550190", "+18885550191", "+13125550177"]


@dataclass(frozen=True, slots=True)
class RoutingProfile:
    profile_id: str
    name: str
    queues: tuple[tuple[str, int], ...]  # (queue name, priority), 1 is served first
    concurrency: tuple[tuple[str, int], ...]  # (channel, max slots)
    outbound_queue: str = "OutboundSales"
    makes_outbound_calls: bool = False

    @property
    def arn(self) -> str:
        return arn("routing-profile", self.profile_id)

    def max_slots(self, channel: str) -> int:
        return dict(self.concurrency).get(channel, 0)


ROUTING_PROFILES: dict[str, RoutingProfile] = {
    p.name: p
    for p in (
        RoutingProfile(
            "11a1b2c3-0001-4a00-8000-000000000001",
            "Sales Voice",
            (("Sales", 1), ("Retention", 2)),
            (("VOICE", 1),),
            makes_outbound_calls=True,
        ),
        RoutingProfile(
            "11a1b2c3-0002-4a00-8000-000000000002",
            "Support Voice",
            (("Support", 1), ("Billing", 1)),
            (("VOICE", 1),),
        ),
        RoutingProfile(
            "11a1b2c3-0003-4a00-8000-000000000003",
            "Retention Specialists",
            (("Retention", 1), ("Billing", 2), ("Sales", 2)),
            (("VOICE", 1),),
        ),
        RoutingProfile(
            "11a1b2c3-0004-4a00-8000-000000000004",
            "Chat Specialists",
            (("ChatSupport", 1),),
            (("CHAT", 3),),
        ),
        RoutingProfile(
            "11a1b2c3-0005-4a00-8000-000000000005",
            "Blended Support",
            (("Support", 1), ("ChatSupport", 2)),
            (("VOICE", 1), ("CHAT", 2)),
        ),
        RoutingProfile(
            "11a1b2c3-0006-4a00-8000-000000000006",
            "Back Office",
            (("BackOffice", 1),),
            (("TASK", 2),),
        ),
    )
}

# Share of the agent workforce in each routing profile; staffing scales with the daily volume.
PROFILE_STAFFING_SHARE = {
    "Sales Voice": 0.22,
    "Support Voice": 0.30,
    "Retention Specialists": 0.08,
    "Chat Specialists": 0.12,
    "Blended Support": 0.10,
    "Back Office": 0.18,
}


@dataclass(frozen=True, slots=True)
class AgentStatus:
    status_id: str
    name: str
    type: str  # ROUTABLE, CUSTOM or OFFLINE

    @property
    def arn(self) -> str:
        return arn("agent-state", self.status_id)


STATUSES: dict[str, AgentStatus] = {
    s.name: s
    for s in (
        AgentStatus("5f0e0c3a-0000-4000-9000-00000000a001", "Available", "ROUTABLE"),
        AgentStatus("5f0e0c3a-0000-4000-9000-00000000a002", "Offline", "OFFLINE"),
        AgentStatus("5f0e0c3a-0000-4000-9000-00000000a003", "Break", "CUSTOM"),
        AgentStatus("5f0e0c3a-0000-4000-9000-00000000a004", "Lunch", "CUSTOM"),
        AgentStatus("5f0e0c3a-0000-4000-9000-00000000a005", "Training", "CUSTOM"),
        AgentStatus("5f0e0c3a-0000-4000-9000-00000000a006", "Meeting", "CUSTOM"),
        AgentStatus("5f0e0c3a-0000-4000-9000-00000000a007", "Supervising", "CUSTOM"),
    )
}


@dataclass(frozen=True, slots=True)
class HierarchyGroup:
    group_id: str
    name: str

    @property
    def arn(self) -> str:
        return arn("agent-group", self.group_id)


# Level1 site, Level2 department, Level3 team; Level4 and Level5 are unused, as in most real instances.
SITES = (
    HierarchyGroup("9a000001-0000-4000-8000-000000000001", "Chicago"),
    HierarchyGroup("9a000001-0000-4000-8000-000000000002", "Manila"),
)
DEPARTMENTS = {
    "Sales Voice": HierarchyGroup("9b000001-0000-4000-8000-000000000001", "Sales"),
    "Retention Specialists": HierarchyGroup("9b000001-0000-4000-8000-000000000002", "Retention"),
    "Support Voice": HierarchyGroup("9b000001-0000-4000-8000-000000000003", "Customer Care"),
    "Blended Support": HierarchyGroup("9b000001-0000-4000-8000-000000000003", "Customer Care"),
    "Chat Specialists": HierarchyGroup("9b000001-0000-4000-8000-000000000004", "Digital"),
    "Back Office": HierarchyGroup("9b000001-0000-4000-8000-000000000005", "Operations"),
}
TEAMS = tuple(
    HierarchyGroup(f"9c000001-0000-4000-8000-0000000000{i:02d}", f"Team {name}")
    for i, name in enumerate(("Aurora", "Borealis", "Cascade", "Delta", "Ember", "Fjord"), 1)
)


@dataclass(frozen=True, slots=True)
class Flow:
    flow_id: str
    name: str

    @property
    def arn(self) -> str:
        return arn("contact-flow", self.flow_id)


FLOWS = {
    f.name: f
    for f in (
        Flow("3e1d0b6f-0001-4c00-8000-000000000001", "Main IVR"),
        Flow("3e1d0b6f-0002-4c00-8000-000000000002", "Chat Entry"),
        Flow("3e1d0b6f-0003-4c00-8000-000000000003", "Task Intake"),
        Flow("3e1d0b6f-0004-4c00-8000-000000000004", "Default customer queue"),
        Flow("3e1d0b6f-0005-4c00-8000-000000000005", "Default agent transfer"),
        Flow("3e1d0b6f-0006-4c00-8000-000000000006", "Default queue transfer"),
    )
}

LAMBDAS = {
    "customer-lookup": f"arn:aws:lambda:{REGION}:{ACCOUNT_ID}:function:acme-customer-lookup",
    "balance": f"arn:aws:lambda:{REGION}:{ACCOUNT_ID}:function:acme-balance-inquiry",
    "order-status": f"arn:aws:lambda:{REGION}:{ACCOUNT_ID}:function:acme-order-status",
}

CALL_REASONS = {
    "Sales": ("new-plan", "upgrade", "pricing"),
    "Support": ("outage", "device-setup", "slow-internet"),
    "Billing": ("charge-dispute", "payment-arrangement", "refund"),
    "Retention": ("cancel-service", "competitor-offer"),
    "ChatSupport": ("order-status", "password-reset", "device-setup"),
    "BackOffice": ("address-change", "refund-approval", "document-review"),
    "OutboundSales": ("renewal-offer",),
}


@dataclass(slots=True)
class ChannelMix:
    """Share of the daily contacts per channel; outbound calls are placed by agents on top."""

    voice: float = 0.62
    chat: float = 0.22
    task: float = 0.10
    outbound: float = 0.06

    def as_dict(self) -> dict[str, float]:
        return {"VOICE": self.voice, "CHAT": self.chat, "TASK": self.task, "OUTBOUND": self.outbound}


# Arrival weight per UTC hour (the centre is open 07:00-21:00 for voice, 07:00-23:00 for chat).
INTRADAY_WEIGHTS = (
    0.05,
    0.03,
    0.02,
    0.02,
    0.03,
    0.08,
    0.25,
    0.70,
    1.20,
    1.55,
    1.60,
    1.50,
    1.35,
    1.40,
    1.50,
    1.45,
    1.30,
    1.10,
    0.90,
    0.70,
    0.50,
    0.35,
    0.20,
    0.10,
)
OPEN_HOURS = {"VOICE": (7, 21), "CHAT": (7, 23), "TASK": (0, 24)}

# Demand by UTC day of the week (Monday first) relative to a typical weekday, and its slow growth: customers
# contact the centre most on Mondays and least at weekends, and a little more each week.
WEEKDAY_DEMAND = (1.12, 1.06, 1.02, 1.0, 0.95, 0.5, 0.4)
WEEKLY_GROWTH = 0.01


def demand_factor(at_s: float, start_s: float) -> float:
    """How much busier than a typical weekday of the first week the moment `at_s` is."""
    weekday = int(at_s // 86_400 + 3) % 7  # 1970-01-01 was a Thursday
    return WEEKDAY_DEMAND[weekday] * (1 + WEEKLY_GROWTH) ** ((at_s - start_s) / 604_800)


_AGENT_QUEUES: dict[str, Queue] = {}


def agent_queue(agent_id: str) -> Queue:
    """The personal queue every agent has (quick-connect transfers to an agent land there)."""
    if agent_id not in _AGENT_QUEUES:
        _AGENT_QUEUES[agent_id] = Queue(agent_id, None, "VOICE", 20, agent_owner=agent_id)
    return _AGENT_QUEUES[agent_id]
