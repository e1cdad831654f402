"""Benchmark: stage and `dbt build` the whole project on DuckDB over a larger simulated lake; report the time of
each step and the slowest models.

    .venv/bin/python benchmarks/dbt_build_scale.py                      # 7 days at 10,000 contacts a day
    .venv/bin/python benchmarks/dbt_build_scale.py --days 2 --daily-contacts 2500   # a quick look

The lake and the warehouse go to a temporary folder (removed afterwards unless --keep); the result is appended
to benchmarks/results/dbt_build_scale.jsonl.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from results_log import append, stamp

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
BIN = Path(sys.executable).parent


def timed(command: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, check=True, cwd=REPO, env=env, stdout=subprocess.DEVNULL)
    return round(time.perf_counter() - started, 1)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--days", type=int, default=7)
    parser.add_argument("--daily-contacts", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--keep", action="store_true", help="keep the lake and the warehouse")
    args = parser.parse_args()

    workdir = Path(tempfile.mkdtemp(prefix="connect-lake-dbt-bench-"))
    env = {
        **os.environ,
        "CONNECT_LAKE_RAW_PATH": str(workdir / "raw"),
        "CONNECT_LAKE_DUCKDB_PATH": str(workdir / "warehouse.duckdb"),
        "DBT_PROFILES_DIR": str(REPO),
        "DBT_SEND_ANONYMOUS_USAGE_STATS": "false",
        "CONNECT_LAKE_TARGET": "duckdb",
    }
    target = ["--target-path", str(workdir / "target")]
    simulate_s = timed(
        [
            str(BIN / "connect-lake"),
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
            "--malformed-line-rate",
            "0.0005",
            "--overwrite",
            "--quiet",
        ],
        env,
    )
    stage_s = timed([str(BIN / "dbt"), "run-operation", "stage_raw_sources", *target], env)
    build_s = timed([str(BIN / "dbt"), "build", *target], env)
    results = json.loads((workdir / "target" / "run_results.json").read_text())["results"]
    models = sorted(
        (r for r in results if r["unique_id"].startswith("model.")), key=lambda r: r["execution_time"], reverse=True
    )
    counts = json.loads((workdir / "truth" / "summary.json").read_text())["counts"]
    result = {
        **stamp(),
        "days": args.days,
        "daily_contacts": args.daily_contacts,
        "contact_records": counts["contact_legs_delivered"],
        "agent_events": counts["agent_events"],
        "flow_log_entries": counts["flow_log_entries"],
        "contact_lens_files": counts["contact_lens_files"],
        "profile_events": counts["profile_events"],
        "simulate_s": simulate_s,
        "stage_s": stage_s,
        "dbt_build_s": build_s,
        "nodes": len(results),
        "failed": sum(r["status"] in ("error", "fail") for r in results),
        "slowest_models_s": {r["unique_id"].split(".")[-1]: round(r["execution_time"], 1) for r in models[:8]},
        "warehouse_mib": round((workdir / "warehouse.duckdb").stat().st_size / 2**20),
    }
    append("dbt_build_scale", result)
    if not args.keep:
        shutil.rmtree(workdir)
    return 0


if __name__ == "__main__":
    sys.exit(main())
