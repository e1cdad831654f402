"""`connect-lake snapshot-config` without AWS: botocore's Stubber plays the simulated instance's configuration
(the simulator's catalog) through every list, describe and child call, checking each request against botocore's
service model; the snapshot lands as one gzip NDJSON object per resource type and day, in a folder and in (moto's)
S3, each record the API's shape plus SnapshotTime."""

from __future__ import annotations

import gzip
import json
from datetime import UTC, datetime

import boto3
import pytest
from botocore.stub import Stubber
from moto import mock_aws

from connect_lake.connect_api.snapshot import RESOURCES, object_key, snapshot
from connect_lake.simulate.catalog import INSTANCE_ID, QUEUES, ROUTING_PROFILES, STATUSES, arn

TAKEN_AT = datetime(2026, 11, 3, 5, 0, tzinfo=UTC)
HOURS_ID = "c0ffee00-0000-4000-8000-000000000001"


def items() -> dict[str, list[dict]]:
    """(summary, describe response or None, child rows or None) per resource type, from the simulator's catalog."""
    queue_ids = {q.name: q.queue_id for q in QUEUES.values() if q.name}
    return {
        "queues": [
            (
                {"Id": q.queue_id, "Arn": q.arn, "Name": q.name, "QueueType": "STANDARD"},
                {
                    "Queue": {
                        "QueueId": q.queue_id,
                        "QueueArn": q.arn,
                        "Name": q.name,
                        "HoursOfOperationId": HOURS_ID,
                        "MaxContacts": 50,
                        "Status": "ENABLED",
                    }
                },
                None,
            )
            for q in QUEUES.values()
            if q.name
        ],
        "routing_profiles": [
            (
                {"Id": p.profile_id, "Arn": p.arn, "Name": p.name},
                {
                    "RoutingProfile": {
                        "RoutingProfileId": p.profile_id,
                        "Name": p.name,
                        "MediaConcurrencies": [{"Channel": c, "Concurrency": n} for c, n in p.concurrency],
                    }
                },
                [
                    {
                        "QueueId": queue_ids[name],
                        "QueueArn": arn("queue", queue_ids[name]),
                        "QueueName": name,
                        "Priority": priority,
                        "Delay": 0,
                        "Channel": QUEUES[name].channel,
                    }
                    for name, priority in p.queues
                ],
            )
            for p in ROUTING_PROFILES.values()
        ],
        "users": [
            (
                {"Id": "u-1", "Arn": arn("agent", "u-1"), "Username": "ana.kowalski38"},
                {
                    "User": {
                        "Id": "u-1",
                        "Username": "ana.kowalski38",
                        "RoutingProfileId": "rp",
                        "HierarchyGroupId": "hg",
                        "PhoneConfig": {
                            "PhoneType": "SOFT_PHONE",
                            "AutoAccept": False,
                            "AfterContactWorkTimeLimit": 120,
                        },
                    }
                },
                None,
            )
        ],
        "user_hierarchy_groups": [
            (
                {"Id": "hg", "Arn": arn("agent-group", "hg"), "Name": "Team Aurora"},
                {"HierarchyGroup": {"Id": "hg", "Name": "Team Aurora", "LevelId": "3"}},
                None,
            )
        ],
        "user_hierarchy_structure": [
            (
                None,
                {
                    "HierarchyStructure": {
                        "LevelOne": {"Id": "1", "Name": "Site"},
                        "LevelTwo": {"Id": "2", "Name": "Department"},
                        "LevelThree": {"Id": "3", "Name": "Team"},
                    }
                },
                None,
            )
        ],
        "hours_of_operation": [
            (
                {"Id": HOURS_ID, "Name": "Support hours"},
                {
                    "HoursOfOperation": {
                        "HoursOfOperationId": HOURS_ID,
                        "Name": "Support hours",
                        "TimeZone": "UTC",
                        "Config": [
                            {
                                "Day": "MONDAY",
                                "StartTime": {"Hours": 7, "Minutes": 0},
                                "EndTime": {"Hours": 21, "Minutes": 0},
                            }
                        ],
                    }
                },
                None,
            )
        ],
        "agent_statuses": [
            (
                {"Id": s.status_id, "Arn": s.arn, "Name": s.name, "Type": s.type},
                {
                    "AgentStatus": {
                        "AgentStatusId": s.status_id,
                        "Name": s.name,
                        "Type": s.type,
                        "State": "ENABLED",
                    }
                },
                None,
            )
            for s in STATUSES.values()
        ],
        "contact_flows": [
            (
                {"Id": "f-1", "Name": "Main IVR", "ContactFlowType": "CONTACT_FLOW", "ContactFlowState": "ACTIVE"},
                None,
                None,
            ),
            (
                {
                    "Id": "f-2",
                    "Name": "Default customer queue",
                    "ContactFlowType": "CUSTOMER_QUEUE",
                    "ContactFlowState": "ACTIVE",
                },
                None,
                None,
            ),
        ],
        "contact_flow_modules": [({"Id": "m-1", "Name": "Authenticate", "State": "ACTIVE"}, None, None)],
        "phone_numbers": [
            ({"PhoneNumberId": "p-1", "PhoneNumber": "+18005550100", "PhoneNumberType": "TOLL_FREE"}, None, None)
        ],
    }


def stub_instance(stubber: Stubber) -> dict[str, int]:
    """Queue every response in the order the snapshot asks for them (lists paged in twos); returns the counts."""
    counts = {}
    for name, resource in RESOURCES.items():
        rows = items()[name]
        counts[name] = len(rows)
        if resource.single:
            stubber.add_response(resource.list_operation, rows[0][1], {"InstanceId": INSTANCE_ID})
            continue
        summaries = [summary for summary, _, _ in rows]
        pages = [summaries[i : i + 2] for i in range(0, len(summaries), 2)]
        for n, page in enumerate(pages):
            params = {"InstanceId": INSTANCE_ID, **resource.list_params, **({"NextToken": f"t{n}"} if n else {})}
            response = {resource.list_key: page, **({"NextToken": f"t{n + 1}"} if n + 1 < len(pages) else {})}
            stubber.add_response(resource.list_operation, response, params)
        for summary, described, children in rows:
            if resource.describe:
                operation, id_param, _ = resource.describe
                stubber.add_response(operation, described, {"InstanceId": INSTANCE_ID, id_param: summary["Id"]})
            if resource.child:
                operation, id_param, key, _ = resource.child
                stubber.add_response(operation, {key: children}, {"InstanceId": INSTANCE_ID, id_param: summary["Id"]})
    return counts


def take(out: str, s3=None) -> tuple[dict, dict[str, int]]:
    client = boto3.client("connect", region_name="us-east-1", aws_access_key_id="x", aws_secret_access_key="x")
    with Stubber(client) as stubber:
        counts = stub_instance(stubber)
        written = snapshot(client, INSTANCE_ID, out, TAKEN_AT, s3)
        stubber.assert_no_pending_responses()
    return written, counts


def read(body: bytes) -> list[dict]:
    return [json.loads(line) for line in gzip.decompress(body).decode().splitlines()]


def test_snapshot_to_a_folder(tmp_path) -> None:
    written, counts = take(str(tmp_path))
    assert {name: n for name, (n, _) in written.items()} == counts
    for name in RESOURCES:
        path = tmp_path / object_key(name, TAKEN_AT)
        assert str(path) == written[name][1] and path.parent.name == "03"
        rows = read(path.read_bytes())
        assert len(rows) == counts[name] and all(r["SnapshotTime"] == "2026-11-03T05:00:00Z" for r in rows)
    queues = read((tmp_path / object_key("queues", TAKEN_AT)).read_bytes())
    assert {q["Name"] for q in queues} == {q.name for q in QUEUES.values() if q.name}
    assert all(q["HoursOfOperationId"] == HOURS_ID and q["MaxContacts"] == 50 for q in queues)
    profiles = {p["Name"]: p for p in read((tmp_path / object_key("routing_profiles", TAKEN_AT)).read_bytes())}
    sales = profiles["Sales Voice"]["QueueConfigs"]
    assert [(c["QueueName"], c["Priority"], c["Channel"]) for c in sales] == [
        ("Sales", 1, "VOICE"),
        ("Retention", 2, "VOICE"),
    ]


def test_the_same_snapshot_gives_the_same_bytes(tmp_path) -> None:
    take(str(tmp_path / "a"))
    take(str(tmp_path / "b"))
    key = object_key("users", TAKEN_AT)
    assert (tmp_path / "a" / key).read_bytes() == (tmp_path / "b" / key).read_bytes()


@mock_aws
def test_snapshot_to_s3() -> None:
    s3 = boto3.client("s3", region_name="us-east-1")
    s3.create_bucket(Bucket="acme-care-lake-raw")
    _, counts = take("s3://acme-care-lake-raw/landing", s3)
    keys = {o["Key"] for o in s3.list_objects_v2(Bucket="acme-care-lake-raw")["Contents"]}
    assert keys == {f"landing/{object_key(name, TAKEN_AT)}" for name in RESOURCES}
    body = s3.get_object(Bucket="acme-care-lake-raw", Key=f"landing/{object_key('agent_statuses', TAKEN_AT)}")["Body"]
    assert len(read(body.read())) == counts["agent_statuses"] == len(STATUSES)


@pytest.mark.parametrize("name", sorted(RESOURCES))
def test_every_resource_uses_a_paginator(name: str) -> None:
    client = boto3.client("connect", region_name="us-east-1")
    resource = RESOURCES[name]
    assert resource.single or client.can_paginate(resource.list_operation)
