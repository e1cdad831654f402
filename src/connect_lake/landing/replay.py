"""Rebuild a landing zone as it looked at a moment: only the objects visible by then.

The simulator writes everything at once; its manifest says when each object became visible (late Firehose
objects appear hours after their prefix hour, re-deliveries days after the contact). Replaying up to a
cut-off gives the landing zone an incremental run would have seen then, so incremental builds can be tested
against full refreshes. Files are hard-linked when possible, so a replay costs no extra space.
"""

from __future__ import annotations

import csv
import os
import shutil
from pathlib import Path


def replay(raw: Path, manifest: Path, until: str, out: Path) -> int:
    """Link every object of `raw` visible at or before `until` (ISO-8601 UTC) into `out`; return the count."""
    copied = 0
    with open(manifest) as handle:
        for row in csv.DictReader(handle):
            if row["visible_at"] > until:
                continue
            source, target = raw / row["key"], out / row["key"]
            target.parent.mkdir(parents=True, exist_ok=True)
            if not target.exists():
                try:
                    os.link(source, target)
                except OSError:
                    shutil.copy2(source, target)
            copied += 1
    return copied
