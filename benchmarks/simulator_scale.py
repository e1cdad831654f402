"""Benchmark: simulate about a million contacts with all their streams; report time, rate and peak memory.

    .venv/bin/python benchmarks/simulator_scale.py            # ~1,000,000 contact records, 30 days
    .venv/bin/python benchmarks/simulator_scale.py --days 3   # a quick look

The landing zone goes to a temporary folder (removed afterwards unless --keep); the result is appended to
benchmarks/results/simulator_scale.jsonl.
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from results_log import append, stamp


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--days", type=int, default=30)
    parser.add_argument("--daily-contacts", type=int, default=25_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--keep", action="store_true", help="keep the generated landing zone")
    parser.add_argument("--workdir", type=Path, default=None, help="where to write (default: a temp folder)")
    args = parser.parse_args()

    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="connect-lake-bench-"))
    command = [
        str(Path(sys.executable).parent / "connect-lake"),
        "simulate",
        "--days",
        str(args.days),
        "--daily-contacts",
        str(args.daily_contacts),
        "--seed",
        str(args.seed),
        "--out",
        str(workdir / "raw"),
        "--truth-out",
        str(workdir / "truth"),
        "--overwrite",
        "--malformed-line-rate",
        "0.0005",
    ]
    started = time.perf_counter()
    subprocess.run(command, check=True)
    elapsed = time.perf_counter() - started
    peak_rss_mib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    summary = json.loads((workdir / "truth" / "summary.json").read_text())
    size = subprocess.run(["du", "-sb", str(workdir / "raw")], capture_output=True, text=True).stdout.split()[0]
    files = sum(1 for _ in (workdir / "raw").rglob("*") if _.is_file())
    counts = summary["counts"]
    result = {
        **stamp(),
        "days": args.days,
        "daily_contacts": args.daily_contacts,
        "contact_records": counts["contact_legs_delivered"],
        "agent_events": counts["agent_events"],
        "flow_log_entries": counts["flow_log_entries"],
        "contact_lens_files": counts["contact_lens_files"],
        "profile_events": counts["profile_events"],
        "landed_files": files,
        "landed_bytes": int(size),
        "wall_s": round(elapsed, 1),
        "contact_records_per_s": round(counts["contact_legs_delivered"] / elapsed),
        "peak_rss_mib": round(peak_rss_mib),
    }
    append("simulator_scale", result)
    if not args.keep and args.workdir is None:
        shutil.rmtree(workdir)
    return 0


if __name__ == "__main__":
    sys.exit(main())
