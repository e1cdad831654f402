"""`connect-lake snapshot-config`: a daily snapshot of an Amazon Connect instance's configuration (queues, routing
profiles and their queues, users, hierarchy, hours of operation, agent statuses, flows and flow modules, phone
numbers), one gzip NDJSON object per resource type and day under connect_config/<resource>/YYYY/MM/DD/, each
record the API's own shape plus SnapshotTime, written to a folder or an s3:// prefix."""

from __future__ import annotations

import argparse
import gzip
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path


@dataclass(frozen=True)
class Resource:
    """How to read one resource type: a paginated list, then (optionally) a Describe per item, and (optionally) a
    paginated child list per item kept under `child_key`; or one Describe of the instance (`single`)."""

    list_operation: str
    list_key: str
    list_params: dict = field(default_factory=dict)
    describe: tuple[str, str, str] | None = None  # (operation, id parameter, response key)
    child: tuple[str, str, str, str] | None = None  # (operation, id parameter, response key, record key)
    single: bool = False


RESOURCES: dict[str, Resource] = {
    "queues": Resource(
        "list_queues", "QueueSummaryList", {"QueueTypes": ["STANDARD"]}, ("describe_queue", "QueueId", "Queue")
    ),
    "routing_profiles": Resource(
        "list_routing_profiles",
        "RoutingProfileSummaryList",
        describe=("describe_routing_profile", "RoutingProfileId", "RoutingProfile"),
        child=(
            "list_routing_profile_queues",
            "RoutingProfileId",
            "RoutingProfileQueueConfigSummaryList",
            "QueueConfigs",
        ),
    ),
    "users": Resource("list_users", "UserSummaryList", describe=("describe_user", "UserId", "User")),
    "user_hierarchy_groups": Resource(
        "list_user_hierarchy_groups",
        "UserHierarchyGroupSummaryList",
        describe=("describe_user_hierarchy_group", "HierarchyGroupId", "HierarchyGroup"),
    ),
    "user_hierarchy_structure": Resource("describe_user_hierarchy_structure", "HierarchyStructure", single=True),
    "hours_of_operation": Resource(
        "list_hours_of_operations",
        "HoursOfOperationSummaryList",
        describe=("describe_hours_of_operation", "HoursOfOperationId", "HoursOfOperation"),
    ),
    "agent_statuses": Resource(
        "list_agent_statuses",
        "AgentStatusSummaryList",
        describe=("describe_agent_status", "AgentStatusId", "AgentStatus"),
    ),
    "contact_flows": Resource("list_contact_flows", "ContactFlowSummaryList"),
    "contact_flow_modules": Resource("list_contact_flow_modules", "ContactFlowModulesSummaryList"),
    "phone_numbers": Resource("list_phone_numbers_v2", "ListPhoneNumbersSummaryList"),
}


def _pages(client, operation: str, key: str, **params) -> Iterator[dict]:
    for page in client.get_paginator(operation).paginate(**params):
        yield from page.get(key, [])


def records(client, instance_id: str, resource: Resource) -> Iterator[dict]:
    """The resource's records as the API returns them (a Describe's full shape where there is one)."""
    if resource.single:
        yield getattr(client, resource.list_operation)(InstanceId=instance_id)[resource.list_key]
        return
    # the whole list first, then one Describe per item: a page token is not left waiting behind slow describes
    summaries = list(
        _pages(client, resource.list_operation, resource.list_key, InstanceId=instance_id, **resource.list_params)
    )
    for summary in summaries:
        record = summary
        if resource.describe:
            operation, id_param, key = resource.describe
            record = getattr(client, operation)(InstanceId=instance_id, **{id_param: summary["Id"]})[key]
        if resource.child:
            operation, id_param, key, record_key = resource.child
            record = {
                **record,
                record_key: list(_pages(client, operation, key, InstanceId=instance_id, **{id_param: summary["Id"]})),
            }
        yield record


def _json_default(value):
    if isinstance(value, datetime | date):
        return value.isoformat()
    raise TypeError(f"cannot serialise {type(value).__name__}")


def ndjson_gzip(rows: list[dict]) -> bytes:
    lines = "".join(json.dumps(row, default=_json_default, sort_keys=True) + "\n" for row in rows)
    # mtime=0: the same snapshot gives the same bytes
    return gzip.compress(lines.encode(), mtime=0)


def object_key(resource: str, taken_at: datetime) -> str:
    return f"connect_config/{resource}/{taken_at:%Y/%m/%d}/{resource}-{taken_at:%Y%m%dT%H%M%SZ}.json.gz"


def write(out: str, key: str, body: bytes, s3=None) -> str:
    if out.startswith("s3://"):
        bucket, _, prefix = out[len("s3://") :].partition("/")
        full_key = f"{prefix.rstrip('/')}/{key}" if prefix else key
        (s3 or _s3_client()).put_object(Bucket=bucket, Key=full_key, Body=body, ContentEncoding="gzip")
        return f"s3://{bucket}/{full_key}"
    path = Path(out) / key
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(body)
    return str(path)


def snapshot(client, instance_id: str, out: str, taken_at: datetime, s3=None) -> dict[str, tuple[int, str]]:
    """Every resource type's records, written as one object each: resource -> (records, where)."""
    written = {}
    stamp = taken_at.astimezone(UTC).isoformat().replace("+00:00", "Z")
    for name, resource in RESOURCES.items():
        rows = [{**record, "SnapshotTime": stamp} for record in records(client, instance_id, resource)]
        written[name] = (len(rows), write(out, object_key(name, taken_at), ndjson_gzip(rows), s3))
    return written


def _s3_client():
    import boto3

    return boto3.client("s3")


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "snapshot-config",
        help="snapshot the Connect instance's configuration (queues, profiles, users, ...) as gzip NDJSON",
        description=__doc__,
        formatter_class=argparse.ArgumentDefaultsHelpFormatter,
    )
    p.add_argument("--instance-id", required=True, help="the Amazon Connect instance id")
    p.add_argument("--out", required=True, help="a local folder or an s3://bucket/prefix (the raw landing root)")
    p.add_argument("--region", default=None, help="AWS region (default: the standard AWS chain)")
    p.set_defaults(func=_run)


def _run(args: argparse.Namespace) -> int:
    from connect_lake.connect_api.reconcile import client_for

    written = snapshot(client_for(args.region), args.instance_id, args.out, datetime.now(UTC))
    for name, (count, where) in written.items():
        print(f"{name:26} {count:6} records -> {where}")
    return 0
