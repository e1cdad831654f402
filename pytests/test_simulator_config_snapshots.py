"""The simulator lands its instance's configuration as `connect-lake snapshot-config` would: one gzip NDJSON object
per resource type and simulated day, each record valid against botocore's shape for the API that returns it, and
the users as the truth says each agent was configured at the snapshot's moment (routing-profile changes between
days included)."""

from __future__ import annotations

import gzip
import json
from collections import defaultdict

import botocore.session
from botocore.validate import ParamValidator

from connect_lake.connect_api.snapshot import RESOURCES
from connect_lake.simulate.catalog import ROUTING_PROFILES
from lakes import Lake, read_csv

# resource -> (operation, how a record sits in its response)
SHAPES = {
    "queues": ("DescribeQueue", lambda r: {"Queue": r}),
    "routing_profiles": ("DescribeRoutingProfile", lambda r: {"RoutingProfile": r}),
    "users": ("DescribeUser", lambda r: {"User": r}),
    "user_hierarchy_groups": ("DescribeUserHierarchyGroup", lambda r: {"HierarchyGroup": r}),
    "user_hierarchy_structure": ("DescribeUserHierarchyStructure", lambda r: {"HierarchyStructure": r}),
    "hours_of_operation": ("DescribeHoursOfOperation", lambda r: {"HoursOfOperation": r}),
    "agent_statuses": ("DescribeAgentStatus", lambda r: {"AgentStatus": r}),
    "contact_flows": ("ListContactFlows", lambda r: {"ContactFlowSummaryList": [r]}),
    "contact_flow_modules": ("ListContactFlowModules", lambda r: {"ContactFlowModulesSummaryList": [r]}),
    "phone_numbers": ("ListPhoneNumbersV2", lambda r: {"ListPhoneNumbersSummaryList": [r]}),
}


def snapshots(lake: Lake) -> dict[str, dict[str, list[dict]]]:
    """resource -> day folder -> records."""
    found: dict[str, dict[str, list[dict]]] = defaultdict(dict)
    for path in sorted((lake.raw / "connect_config").rglob("*.json.gz")):
        resource, year, month, day = path.relative_to(lake.raw / "connect_config").parts[:4]
        found[resource][f"{year}/{month}/{day}"] = [
            json.loads(line) for line in gzip.decompress(path.read_bytes()).splitlines()
        ]
    return found


def test_one_object_per_resource_and_day(lake: Lake) -> None:
    found = snapshots(lake)
    assert set(found) == set(RESOURCES) == set(SHAPES)
    days = lake.summary["settings"]["days"]
    assert all(len(by_day) == days for by_day in found.values())
    assert lake.summary["counts"]["config_snapshot_objects"] == days * len(RESOURCES)
    landed = {r["key"] for r in read_csv(lake.truth / "landing_objects.csv") if r["source"] == "connect_config"}
    assert len(landed) == days * len(RESOURCES)


def test_every_record_has_the_apis_shape(lake: Lake) -> None:
    model = botocore.session.get_session().get_service_model("connect")
    problems = []
    for resource, by_day in snapshots(lake).items():
        operation, wrap = SHAPES[resource]
        shape = model.operation_model(operation).output_shape
        for rows in by_day.values():
            for row in rows:
                record = {k: v for k, v in row.items() if k not in ("SnapshotTime", "QueueConfigs")}
                report = ParamValidator().validate(wrap(record), shape)
                if report.has_errors():
                    problems.append((resource, report.generate_report()))
                if resource == "routing_profiles":
                    configs = model.operation_model("ListRoutingProfileQueues").output_shape
                    report = ParamValidator().validate(
                        {"RoutingProfileQueueConfigSummaryList": row["QueueConfigs"]}, configs
                    )
                    if report.has_errors():
                        problems.append((resource, report.generate_report()))
    assert not problems, problems[:3]


def test_users_carry_the_configuration_the_truth_says(lake: Lake) -> None:
    versions = read_csv(lake.truth / "agents.csv")
    profile_ids = {name: p.profile_id for name, p in ROUTING_PROFILES.items()}
    by_agent: dict[str, dict[str, str]] = defaultdict(dict)
    for day, users in sorted(snapshots(lake)["users"].items()):
        at = users[0]["SnapshotTime"]
        for user in users:
            in_force = [v for v in versions if v["agent_id"] == user["Id"] and v["valid_from_at"] <= at]
            want = (
                max(in_force, key=lambda v: v["valid_from_at"])
                if in_force
                else min((v for v in versions if v["agent_id"] == user["Id"]), key=lambda v: v["valid_from_at"])
            )
            assert user["RoutingProfileId"] == profile_ids[want["routing_profile"]], (day, user["Username"])
            by_agent[user["Id"]][day] = user["RoutingProfileId"]
        assert {u["Id"] for u in users} == {v["agent_id"] for v in versions}
    assert any(len(set(days.values())) > 1 for days in by_agent.values()), "some agent changes routing profile"
