"""`connect-lake check-objects` finds exactly the objects the simulator made unreadable, once, locally and on S3."""

from __future__ import annotations

import gzip
import json
import os
import shutil
from pathlib import Path

import boto3
from moto import mock_aws

from connect_lake.landing.check_objects import CHECKS_PREFIX, declared_sources, run
from lakes import REPO, Lake

SOURCES = REPO / "models/staging/connect/_connect__sources.yml"


def findings(root: Path) -> dict[str, str | None]:
    rows = [
        json.loads(line) for path in (root / CHECKS_PREFIX).glob("*.json") for line in path.read_text().splitlines()
    ]
    return {row["object_key"]: row["problem"] for row in rows}


def test_local_check_finds_the_truths_unreadable_objects_and_checks_each_once(lake: Lake, tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    shutil.copytree(lake.raw, raw, copy_function=os.link)
    checked, unreadable = run(str(raw), SOURCES)
    problems = {key: problem for key, problem in findings(raw).items() if problem}
    assert problems == lake.corrupt_objects()
    assert unreadable == len(problems)
    # every landed data object of a source is checked: Contact Lens recordings are not data, and of the
    # configuration snapshots only the resources declared as sources are
    prefixes = tuple(source["prefix"] + "/" for source in declared_sources(SOURCES))
    landed = [
        p
        for p in lake.raw.rglob("*")
        if p.is_file() and not p.name.endswith(".wav") and str(p.relative_to(lake.raw)).startswith(prefixes)
    ]
    assert any(str(p.relative_to(lake.raw)).startswith("connect_config/users/") for p in landed)
    assert checked == len(landed)
    assert run(str(raw), SOURCES) == (0, 0)


@mock_aws
def test_s3_check_reads_only_new_objects_and_writes_its_findings_beside_them() -> None:
    s3 = boto3.client("s3", region_name="us-east-1")
    s3.create_bucket(Bucket="raw")
    good = gzip.compress(b'{"ContactId": "c1"}\n')
    objects = {
        "connect/contact_records/2026/11/02/00/ctr-1.gz": good,
        "connect/contact_records/2026/11/02/00/ctr-2.gz": good[: len(good) // 2],
        "connect/contact_records/2026/11/02/01/ctr-3.gz": b'{"ContactId": "c3"}\n',
        "connect/contact_records/2026/11/02/ctr-misplaced.gz": good,
    }
    for key, body in objects.items():
        s3.put_object(Bucket="raw", Key=key, Body=body)
    assert {s["name"] for s in declared_sources(SOURCES)} >= {"contact_records", "agent_events"}
    assert run("s3://raw/connect", SOURCES) == (4, 3)
    [listing] = s3.list_objects_v2(Bucket="raw", Prefix=f"connect/{CHECKS_PREFIX}/")["Contents"]
    body = s3.get_object(Bucket="raw", Key=listing["Key"])["Body"].read().decode()
    problems = {row["object_key"]: row["problem"] for row in map(json.loads, body.splitlines())}
    assert problems == {
        "contact_records/2026/11/02/00/ctr-1.gz": None,
        "contact_records/2026/11/02/00/ctr-2.gz": "truncated_gzip",
        "contact_records/2026/11/02/01/ctr-3.gz": "not_gzip",
        "contact_records/2026/11/02/ctr-misplaced.gz": "unexpected_object_key",
    }
    s3.put_object(Bucket="raw", Key="connect/contact_records/2026/11/02/02/ctr-4.gz", Body=good)
    assert run("s3://raw/connect", SOURCES) == (1, 0)
