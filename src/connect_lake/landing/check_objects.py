"""`connect-lake check-objects`: find the landed objects Athena's or Trino's reader cannot read, before it does.

Both engines read the landing zone with their own text readers, which stop the whole query at one object they
cannot decompress (HIVE_CURSOR_ERROR, "Failed to read file at ...") and never show an object that holds
nothing. So before each build on those engines this command inspects every object it has not checked before,
by the rule of `connect_lake.landing.objects` (the one the DuckDB plugin applies too), and writes what it
checked as one NDJSON object per run under `<landing root>/_connect_lake/object_checks/`. stage_raw_sources
declares a table over that folder (`landing_object_checks`); the base models leave the unreadable objects out
of their read and record each one in the quarantine with its reason, so the rest of the lake is read.

Each checked object is one line: source, object_key (relative to the landing root), landing_folder, size_bytes,
problem (empty_object, not_gzip, truncated_gzip, unexpected_object_key; null when readable), checked_at.
Objects already listed in an earlier check are not read again.

    connect-lake check-objects --root data/raw
    connect-lake check-objects --root s3://my-connect-bucket/connect      # boto3, credentials from the chain
"""

from __future__ import annotations

import argparse
import json
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Protocol

import yaml

from connect_lake.landing.objects import decompressed

CHECKS_PREFIX = "_connect_lake/object_checks"
DEFAULT_SOURCES = Path("models/staging/connect/_connect__sources.yml")


class Landing(Protocol):
    def list(self, prefix: str) -> Iterator[tuple[str, int]]: ...

    def read(self, key: str) -> bytes: ...

    def write(self, key: str, data: bytes) -> None: ...


@dataclass(frozen=True)
class LocalLanding:
    root: Path

    def list(self, prefix: str) -> Iterator[tuple[str, int]]:
        base = self.root / prefix
        if not base.is_dir():
            return
        for path in base.rglob("*"):
            if path.is_file():
                yield path.relative_to(self.root).as_posix(), path.stat().st_size

    def read(self, key: str) -> bytes:
        return (self.root / key).read_bytes()

    def write(self, key: str, data: bytes) -> None:
        target = self.root / key
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_suffix(".part")
        partial.write_bytes(data)
        partial.rename(target)


class S3Landing:
    def __init__(self, uri: str) -> None:
        import boto3

        bucket, _, prefix = uri.removeprefix("s3://").partition("/")
        self.bucket, self.prefix = bucket, prefix.strip("/")
        self.s3 = boto3.client("s3")

    def _key(self, key: str) -> str:
        return f"{self.prefix}/{key}" if self.prefix else key

    def list(self, prefix: str) -> Iterator[tuple[str, int]]:
        paginator = self.s3.get_paginator("list_objects_v2")
        for page in paginator.paginate(Bucket=self.bucket, Prefix=self._key(prefix) + "/"):
            for item in page.get("Contents", []):
                yield item["Key"][len(self._key("")) :].lstrip("/"), item["Size"]

    def read(self, key: str) -> bytes:
        return self.s3.get_object(Bucket=self.bucket, Key=self._key(key))["Body"].read()

    def write(self, key: str, data: bytes) -> None:
        self.s3.put_object(Bucket=self.bucket, Key=self._key(key), Body=data)


def landing_for(root: str) -> Landing:
    return S3Landing(root) if root.startswith("s3://") else LocalLanding(Path(root).resolve())


def declared_sources(sources_yaml: Path) -> list[dict[str, Any]]:
    """name and landing block of every source with a landing declaration."""
    document = yaml.safe_load(sources_yaml.read_text())
    return [
        {"name": table["name"], **table["meta"]["landing"]}
        for source in document["sources"]
        for table in source["tables"]
        if table.get("meta", {}).get("landing")
    ]


def already_checked(landing: Landing) -> set[tuple[str, str]]:
    checked = set()
    for key, _ in landing.list(CHECKS_PREFIX):
        for line in landing.read(key).decode().splitlines():
            if line.strip():
                row = json.loads(line)
                checked.add((row["source"], row["object_key"]))
    return checked


def check(landing: Landing, sources: list[dict[str, Any]], now: datetime) -> list[dict[str, Any]]:
    """One row per object of a source not checked before: readable or not, and why."""
    seen = already_checked(landing)
    rows = []
    for source in sources:
        prefix = source["prefix"].strip("/")
        listing = re.compile(source["listing_regex"]) if source.get("listing_regex") else None
        ignored = re.compile(source["ignored_object_regex"]) if source.get("ignored_object_regex") else None
        well_placed = re.compile(source["object_key_regex"])
        for key, size in sorted(landing.list(prefix)):
            relative = key[len(prefix) + 1 :]
            if (listing and not listing.search(relative)) or (ignored and ignored.search(relative)):
                continue
            if (source["name"], key) in seen:
                continue
            placed = well_placed.search(relative)
            if placed:
                _, problem = decompressed(landing.read(key), key)
            else:
                problem = "unexpected_object_key"
            rows.append(
                {
                    "source": source["name"],
                    "object_key": key,
                    "landing_folder": placed.group(1) if placed else None,
                    "size_bytes": size,
                    "problem": problem,
                    "checked_at": now.strftime("%Y-%m-%dT%H:%M:%S.%fZ"),
                }
            )
    return rows


def run(root: str, sources_yaml: Path) -> tuple[int, int]:
    """Check the new objects under `root`; returns (objects checked, objects unreadable)."""
    landing = landing_for(root)
    now = datetime.now(UTC)
    rows = check(landing, declared_sources(sources_yaml), now)
    if rows:
        body = "".join(json.dumps(row, separators=(",", ":")) + "\n" for row in rows)
        landing.write(f"{CHECKS_PREFIX}/checked-{now.strftime('%Y%m%dT%H%M%S%fZ')}.json", body.encode())
    return len(rows), sum(row["problem"] is not None for row in rows)


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "check-objects",
        help="find the landed objects Athena's or Trino's reader cannot read (run before each build there)",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument(
        "--root",
        default=os.environ.get("CONNECT_LAKE_RAW_S3_URI") or os.environ.get("CONNECT_LAKE_RAW_PATH", "data/raw"),
        help="the landing root: a folder or an s3:// prefix (env CONNECT_LAKE_RAW_S3_URI, CONNECT_LAKE_RAW_PATH)",
    )
    p.add_argument("--sources", type=Path, default=DEFAULT_SOURCES, help="the sources YAML declaring the landing")
    p.set_defaults(func=_run)


def _run(args: argparse.Namespace) -> int:
    checked, unreadable = run(args.root, args.sources)
    print(f"check-objects: {checked} new objects checked, {unreadable} cannot be read (quarantined by the build)")
    return 0
