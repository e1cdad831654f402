"""What an hourly incremental run scans on Athena, estimated from a landing folder.

The base models read a window of landing folders, from the newest folder already read back
`incremental_lookback_days`, through partition projection, and exclude the objects already read by their
keys ("$path"), which prunes them before they are opened. What is left to scan is what landed in the last
hour. When more keys would have to be listed than `max_literal_object_keys` (Contact Lens writes one object
per contact into day folders), the run anti-joins on what it read instead, and scans the window.

For each source: all bytes landed, the bytes in the window's folders, and the bytes the run scans.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

FIREHOSE = ("contact_records", "agent_events", "contact_flow_logs", "customer_profiles")
CONTACT_LENS = "contact_lens_analysis_redacted"


@dataclass(frozen=True, slots=True)
class SourceScan:
    source: str
    objects: int
    all_bytes: int
    window_objects: int
    window_bytes: int
    new_objects: int
    scanned_bytes: int
    prunes_by_key: bool

    @property
    def window_share(self) -> float:
        return self.window_bytes / self.all_bytes if self.all_bytes else 0.0

    @property
    def scanned_share(self) -> float:
        return self.scanned_bytes / self.all_bytes if self.all_bytes else 0.0


def source_and_folder(key: str) -> tuple[str, str] | None:
    parts = key.split("/")
    if parts[0] in FIREHOSE and len(parts) == 6:
        return parts[0], "/".join(parts[1:5])
    if key.startswith("contact_lens/Analysis/") and "/Redacted/" in key and len(parts) == 8:
        return CONTACT_LENS, "/".join(parts[4:7])
    return None


def estimate(
    raw: Path, manifest: Path, run_at: datetime, lookback_days: int, max_literal_keys: int
) -> list[SourceScan]:
    """The scan of a run at `run_at` whose previous run, an hour earlier, read everything visible then."""
    previous = (run_at - timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M:%SZ")
    now = run_at.strftime("%Y-%m-%dT%H:%M:%SZ")
    objects: dict[str, list[tuple[str, int, bool]]] = defaultdict(list)
    with open(manifest) as handle:
        for row in csv.DictReader(handle):
            placed = source_and_folder(row["key"])
            if placed is None or row["visible_at"] > now:
                continue
            source, folder = placed
            size = (raw / row["key"]).stat().st_size
            objects[source].append((folder, size, row["visible_at"] > previous))
    scans = []
    for source, landed in sorted(objects.items()):
        read_before = [f for f, _, new in landed if not new]
        newest = max(read_before)
        hourly = len(newest) == 13
        newest_at = datetime.strptime(newest, "%Y/%m/%d/%H" if hourly else "%Y/%m/%d")
        start = (newest_at - timedelta(days=lookback_days)).strftime("%Y/%m/%d/%H" if hourly else "%Y/%m/%d")
        window = [(f, size, new) for f, size, new in landed if f >= start]
        prunes = sum(not new for _, _, new in window) <= max_literal_keys
        scans.append(
            SourceScan(
                source=source,
                objects=len(landed),
                all_bytes=sum(size for _, size, _ in landed),
                window_objects=len(window),
                window_bytes=sum(size for _, size, _ in window),
                new_objects=sum(new for _, _, new in window),
                scanned_bytes=sum(size for _, size, new in window if new or not prunes),
                prunes_by_key=prunes,
            )
        )
    return scans


def report(scans: list[SourceScan]) -> str:
    lines = [
        f"{'source':<32} {'objects':>9} {'all MiB':>9} {'window MiB':>11} {'window %':>9} {'scanned MiB':>12} "
        f"{'scanned %':>10}  pruned by key"
    ]
    for s in scans:
        lines.append(
            f"{s.source:<32} {s.objects:>9,} {s.all_bytes / 2**20:>9.1f} {s.window_bytes / 2**20:>11.2f} "
            f"{100 * s.window_share:>8.2f}% {s.scanned_bytes / 2**20:>12.3f} {100 * s.scanned_share:>9.3f}%  "
            f"{'yes' if s.prunes_by_key else 'no (anti-join)'}"
        )
    total_all = sum(s.all_bytes for s in scans)
    total_scanned = sum(s.scanned_bytes for s in scans)
    lines.append(
        f"{'all sources':<32} {sum(s.objects for s in scans):>9,} {total_all / 2**20:>9.1f} "
        f"{sum(s.window_bytes for s in scans) / 2**20:>11.2f} {'':>9} {total_scanned / 2**20:>12.3f} "
        f"{100 * total_scanned / total_all:>9.3f}%"
    )
    return "\n".join(lines)
