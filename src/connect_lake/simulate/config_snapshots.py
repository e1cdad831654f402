"""The simulated instance's configuration as `connect-lake snapshot-config` writes a real one: once a simulated day
(at 23:59 UTC), one gzip NDJSON object per resource type under connect_config/<resource>/YYYY/MM/DD/, each record
in the Connect API's Describe (or List) shape plus SnapshotTime. Users carry the routing profile and hierarchy they
had at that moment, so the routing-profile changes the simulation makes between days show in the snapshots."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from connect_lake.connect_api.snapshot import RESOURCES, ndjson_gzip, object_key
from connect_lake.landing.manifest import LandingManifest
from connect_lake.simulate import catalog

SOURCE = "connect_config"
# Connect's own type for each default flow; every other flow is an inbound contact flow
FLOW_TYPES = {
    "Default customer queue": "CUSTOMER_QUEUE",
    "Default agent transfer": "AGENT_TRANSFER",
    "Default queue transfer": "QUEUE_TRANSFER",
}
DAYS = ("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY")
HOURS_IDS = {
    channel: f"b0a10000-0000-4000-8000-00000000000{n}" for n, channel in enumerate(("VOICE", "CHAT", "TASK"), 1)
}


def _hours_of_operation() -> list[dict[str, Any]]:
    rows = []
    for channel, (opens, closes) in catalog.OPEN_HOURS.items():
        end = {"Hours": 23, "Minutes": 59} if closes == 24 else {"Hours": closes, "Minutes": 0}
        rows.append(
            {
                "HoursOfOperationId": HOURS_IDS[channel],
                "HoursOfOperationArn": catalog.arn("operating-hours", HOURS_IDS[channel]),
                "Name": f"{channel.title()} hours",
                "TimeZone": "UTC",
                "Config": [{"Day": day, "StartTime": {"Hours": opens, "Minutes": 0}, "EndTime": end} for day in DAYS],
            }
        )
    return rows


def _queues() -> list[dict[str, Any]]:
    return [
        {
            "QueueId": q.queue_id,
            "QueueArn": q.arn,
            "Name": q.name,
            "HoursOfOperationId": HOURS_IDS[q.channel],
            "MaxContacts": 0,
            "Status": "ENABLED",
            "OutboundCallerConfig": {"OutboundCallerIdName": "Acme Care"},
        }
        for q in catalog.QUEUES.values()
        if q.name
    ]


def _routing_profiles() -> list[dict[str, Any]]:
    ids = {q.name: q for q in catalog.QUEUES.values() if q.name}
    return [
        {
            "RoutingProfileId": p.profile_id,
            "RoutingProfileArn": p.arn,
            "Name": p.name,
            "DefaultOutboundQueueId": ids[p.outbound_queue].queue_id,
            "MediaConcurrencies": [{"Channel": channel, "Concurrency": slots} for channel, slots in p.concurrency],
            "QueueConfigs": [
                {
                    "QueueId": ids[name].queue_id,
                    "QueueArn": ids[name].arn,
                    "QueueName": name,
                    "Priority": priority,
                    "Delay": 0,
                    "Channel": ids[name].channel,
                }
                for name, priority in p.queues
            ],
        }
        for p in catalog.ROUTING_PROFILES.values()
    ]


def _hierarchy_groups() -> list[dict[str, Any]]:
    levels = (("1", catalog.SITES), ("2", tuple(catalog.DEPARTMENTS.values())), ("3", catalog.TEAMS))
    seen, rows = set(), []
    for level, groups in levels:
        for g in groups:
            if g.group_id not in seen:
                seen.add(g.group_id)
                rows.append({"Id": g.group_id, "Arn": g.arn, "Name": g.name, "LevelId": level})
    return rows


def _users(versions: list[dict[str, Any]], at: str) -> list[dict[str, Any]]:
    """Each agent as configured at `at` (the version in force then; an agent not yet seen, as first seen)."""
    teams = {g.name: g for g in catalog.TEAMS}
    profiles = catalog.ROUTING_PROFILES
    current: dict[str, dict[str, Any]] = {}
    for version in sorted(versions, key=lambda v: v["valid_from_at"]):
        if version["valid_from_at"] <= at or version["agent_id"] not in current:
            current[version["agent_id"]] = version
    return [
        {
            "Id": v["agent_id"],
            "Arn": catalog.arn("agent", v["agent_id"]),
            "Username": v["agent_username"],
            "IdentityInfo": {"FirstName": v["first_name"], "LastName": v["last_name"]},
            "PhoneConfig": {"PhoneType": "SOFT_PHONE", "AutoAccept": False, "AfterContactWorkTimeLimit": 0},
            "RoutingProfileId": profiles[v["routing_profile"]].profile_id,
            "HierarchyGroupId": teams[v["hierarchy_level3"]].group_id,
        }
        for _, v in sorted(current.items())
    ]


def records(versions: list[dict[str, Any]], at: str) -> dict[str, list[dict[str, Any]]]:
    """Every resource type's records at `at` (ISO-8601 UTC)."""
    levels = {"LevelOne": "Site", "LevelTwo": "Department", "LevelThree": "Team"}
    return {
        "queues": _queues(),
        "routing_profiles": _routing_profiles(),
        "users": _users(versions, at),
        "user_hierarchy_groups": _hierarchy_groups(),
        "user_hierarchy_structure": [
            {level: {"Id": str(n), "Name": name} for n, (level, name) in enumerate(levels.items(), 1)}
        ],
        "hours_of_operation": _hours_of_operation(),
        "agent_statuses": [
            {"AgentStatusId": s.status_id, "AgentStatusARN": s.arn, "Name": s.name, "Type": s.type, "State": "ENABLED"}
            for s in catalog.STATUSES.values()
        ],
        "contact_flows": [
            {
                "Id": f.flow_id,
                "Arn": f.arn,
                "Name": f.name,
                "ContactFlowType": FLOW_TYPES.get(f.name, "CONTACT_FLOW"),
                "ContactFlowState": "ACTIVE",
                "ContactFlowStatus": "PUBLISHED",
            }
            for f in catalog.FLOWS.values()
        ],
        "contact_flow_modules": [],
        "phone_numbers": [
            {
                "PhoneNumberId": f"d1a10000-0000-4000-8000-00000000000{n}",
                "PhoneNumber": number,
                "PhoneNumberCountryCode": "US",
                "PhoneNumberType": "TOLL_FREE",
                "PhoneNumberDescription": line,
                "TargetArn": catalog.INSTANCE_ARN,
            }
            for n, (line, number) in enumerate(sorted(catalog.PHONE_LINES.items()), 1)
        ],
    }


def write(out: Path, manifest: LandingManifest, versions: list[dict[str, Any]], start: int, days: int) -> int:
    """One snapshot a simulated day; returns the objects written."""
    written = 0
    for day in range(days):
        taken_at = datetime.fromtimestamp(start + (day + 1) * 86_400 - 60, UTC)
        stamp = taken_at.isoformat().replace("+00:00", "Z")
        for name, rows in records(versions, stamp).items():
            assert name in RESOURCES
            key = object_key(name, taken_at)
            path = out / key
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(ndjson_gzip([{**row, "SnapshotTime": stamp} for row in rows]))
            manifest.landed_object(key, SOURCE, len(rows), taken_at.timestamp(), taken_at.timestamp(), False)
            written += 1
    return written
