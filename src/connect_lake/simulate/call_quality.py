"""Call quality: the contact record's `QualityMetrics`, as Connect estimates it for voice contacts.

Connect scores each side's audio (`Agent.Audio`, `Customer.Audio`) with a `QualityScore` between 1.00 and
5.00 and lists the `PotentialQualityIssues` it detected (`HighPacketLoss`, `HighRoundTripTime`,
`HighJitterBuffer`; an empty list when none) [API AudioQualityMetricsInfo, CTR data model]. Chat and task
contacts carry no media quality, and the agent side exists only once an agent connected.

What drives the numbers here is what drives them in a real center: agents' network (the Manila site reaches
the us-east-1 instance over a long, jittery path), customers' lines (some call from poor mobile coverage
every time) and chance. Each leg draws from its own seeded stream, so call quality does not move any other
draw of the simulation.
"""

from __future__ import annotations

import random
import zlib
from dataclasses import dataclass
from typing import Any

from connect_lake.simulate.legs import Leg

ISSUES = ("HighPacketLoss", "HighRoundTripTime", "HighJitterBuffer")
# what each detected issue costs a MOS-like score, and the score of a clean connection
ISSUE_PENALTY = {"HighPacketLoss": 1.1, "HighRoundTripTime": 0.45, "HighJitterBuffer": 0.6}
CLEAN_SCORE = 4.35


@dataclass(frozen=True, slots=True)
class AudioQuality:
    score: float
    issues: tuple[str, ...]

    def as_record(self) -> dict[str, Any]:
        return {"Audio": {"PotentialQualityIssues": list(self.issues), "QualityScore": self.score}}


# probability of each issue on one connection, by the side's network
AGENT_NETWORKS = {
    "Chicago": {"HighPacketLoss": 0.01, "HighRoundTripTime": 0.01, "HighJitterBuffer": 0.015},
    "Manila": {"HighPacketLoss": 0.03, "HighRoundTripTime": 0.22, "HighJitterBuffer": 0.06},
}
CUSTOMER_NETWORKS = {
    "fixed": {"HighPacketLoss": 0.01, "HighRoundTripTime": 0.005, "HighJitterBuffer": 0.01},
    "poor_mobile": {"HighPacketLoss": 0.3, "HighRoundTripTime": 0.08, "HighJitterBuffer": 0.25},
}
POOR_MOBILE_SHARE = 0.08


def customer_network(customer_index: int) -> str:
    """A customer's line is a property of the customer, stable across their contacts."""
    bucket = zlib.crc32(f"line/{customer_index}".encode()) % 1000
    return "poor_mobile" if bucket < POOR_MOBILE_SHARE * 1000 else "fixed"


def _side(rng: random.Random, issue_rates: dict[str, float]) -> AudioQuality:
    issues = tuple(issue for issue in ISSUES if rng.random() < issue_rates[issue])
    score = CLEAN_SCORE + rng.gauss(0.0, 0.12) - sum(ISSUE_PENALTY[issue] for issue in issues)
    return AudioQuality(round(min(5.0, max(1.0, score)), 2), issues)


def measure(seed: int, leg: Leg) -> tuple[AudioQuality | None, AudioQuality | None]:
    """The (agent, customer) audio quality of a leg, or None for a side Connect does not score."""
    if leg.channel != "VOICE" or leg.connected_to_system_at is None:
        return None, None
    rng = random.Random(f"{seed}/quality/{leg.contact_id}")
    customer = _side(rng, CUSTOMER_NETWORKS[customer_network(leg.customer.index)])
    if not leg.is_handled:
        return None, customer
    return _side(rng, AGENT_NETWORKS[leg.agent.site.name]), customer


def quality_metrics(agent: AudioQuality | None, customer: AudioQuality | None) -> dict[str, Any] | None:
    """The CTR's `QualityMetrics` object: null when neither side was scored."""
    if agent is None and customer is None:
        return None
    return {
        "Agent": None if agent is None else agent.as_record(),
        "Customer": None if customer is None else customer.as_record(),
    }
