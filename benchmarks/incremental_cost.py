"""Benchmark (`make bench`): does a run cost what landed since the last one, not the whole history?

One simulated lake of HISTORY_LONG + 1 days is replayed as it stood after HISTORY_SHORT days, one day later,
after HISTORY_LONG days and one day later again. Measured in one run, on DuckDB, each step in its own process
(wall time and peak resident memory):
  - floor: every raw object of the short history read and parsed once, straight from DuckDB's JSON reader
    with the declared columns, and nothing else: the least any build must do;
  - full build of the short history, the same run again with nothing new landed (the fixed cost of a run),
    then the incremental run after one more day;
  - the same three at the long history.
Every build is the scheduled job's command: stage, then `connect-lake build -- --exclude-resource-type unit_test`.
Ratios: incremental ÷ full build (target <= 0.10), incremental long ÷ incremental short (target <= 1.25: flat
as history grows), full build ÷ floor (target <= 2). Printed, and appended to
benchmarks/results/incremental_cost.jsonl.

    .venv/bin/python benchmarks/incremental_cost.py                       # 7 and 28 days at 8,000 a day
    .venv/bin/python benchmarks/incremental_cost.py --short 2 --long 4 --daily-contacts 1500   # a quick look
    .venv/bin/python benchmarks/incremental_cost.py --short 30 --long 0 --daily-contacts 25000 --no-floor  # 1M
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

import yaml
from results_log import append, stamp

from connect_lake.build import build_commands

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
BIN = Path(sys.executable).parent
START = "2026-11-02"
# Runs a command and prints its wall time and the peak resident memory of everything it started, in MiB.
MEASURE = (
    "import resource, subprocess, sys, time; t = time.perf_counter(); "
    "code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL).returncode; "
    "print(round(time.perf_counter() - t, 1), resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024); "
    "sys.exit(code)"
)


def measured(command: list[str], env: dict[str, str]) -> dict[str, float]:
    """Wall seconds and peak MiB of a command run in a process of its own."""
    result = subprocess.run(
        [sys.executable, "-c", MEASURE, *command], cwd=REPO, env=env, capture_output=True, text=True
    )
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{result.stderr[-3000:]}")
    seconds, mib = result.stdout.split()
    return {"seconds": float(seconds), "peak_mib": int(mib)}


# The scheduled job: stage (creates the raw relations; cheap, so it can run every time), then `connect-lake build`
# (on DuckDB: the landing reads one at a time, then the rest) of every model and data test. Unit tests check the
# SQL, not the data: dbt runs them in development and CI, not in production.
PRODUCTION_BUILD_ARGS = ["--exclude-resource-type", "unit_test"]


def production_run(target: list[str], env: dict[str, str]) -> dict:
    """Stage and build as the scheduled job does; wall seconds (all), the stage's share, peak MiB, and the
    results of every node the build's invocations ran."""
    stage = measured([str(BIN / "dbt"), "run-operation", "stage_raw_sources", *target], env)
    steps, results = [stage], []
    for command in build_commands(None, [*PRODUCTION_BUILD_ARGS, *target], BIN / "dbt"):
        steps.append(measured(command, env))
        target_path = Path(target[target.index("--target-path") + 1])
        results += json.loads((target_path / "run_results.json").read_text())["results"]
    return {
        "seconds": round(sum(s["seconds"] for s in steps), 1),
        "stage_seconds": stage["seconds"],
        "peak_mib": max(s["peak_mib"] for s in steps),
        "results": results,
    }


def replay(lake: Path, truth: Path, until: str, out: Path) -> int:
    from connect_lake.landing.replay import replay as link_visible

    return link_visible(lake, truth / "landing_objects.csv", until, out)


def moment(days: int) -> str:
    """The end of the given day of the simulated period (objects visible by then)."""
    return (datetime.fromisoformat(START).replace(tzinfo=UTC) + timedelta(days=days)).strftime("%Y-%m-%dT%H:%M:%SZ")


SCALARS = {"string": "VARCHAR", "int": "INTEGER", "bigint": "BIGINT", "double": "DOUBLE", "boolean": "BOOLEAN"}


def split_top_level(text: str) -> list[str]:
    parts, depth, current = [], 0, ""
    for ch in text:
        depth += (ch == "<") - (ch == ">")
        if ch == "," and depth == 0:
            parts.append(current)
            current = ""
        else:
            current += ch
    return [*parts, current]


def duckdb_type(hive: str) -> str:
    """The DuckDB type of a Hive DDL type, as the sources YAML declares it (the floor reads typed values)."""
    hive = hive.strip()
    lower = hive.lower()
    if lower.startswith("struct<"):
        fields = (f.split(":", 1) for f in split_top_level(hive[7:-1]))
        return "STRUCT(" + ", ".join(f'"{name.strip()}" {duckdb_type(kind)}' for name, kind in fields) + ")"
    if lower.startswith("array<"):
        return duckdb_type(hive[6:-1]) + "[]"
    if lower.startswith("map<"):
        key, value = split_top_level(hive[4:-1])
        return f"MAP({duckdb_type(key)}, {duckdb_type(value)})"
    return SCALARS[lower]


def floor_sql(raw: Path) -> list[str]:
    """One statement per raw source: every object read and parsed with the declared columns, into a table."""
    sources = yaml.safe_load((REPO / "models/staging/connect/_connect__sources.yml").read_text())

    statements = []
    for table in sources["sources"][0]["tables"]:
        landing = table["meta"]["landing"]
        if table["name"] == "contact_lens_analysis":
            continue  # the original output is not read unless allowed
        columns = {
            c["name"]: "JSON" if c.get("meta", {}).get("json_text") else duckdb_type(c["data_type"])
            for c in table["columns"]
        }
        glob = "*/Redacted/*/*/*/*.json" if landing["object_format"] == "document" else "*/*/*/*/*.gz"
        spec = ", ".join(f"'{k}': '{v}'" for k, v in columns.items())
        statements.append(
            f"create or replace table floor_{table['name']} as select * from read_json("
            f"'{raw}/{landing['prefix']}/{glob}', columns = {{{spec}}}, "
            f"format = '{'auto' if landing['object_format'] == 'document' else 'newline_delimited'}', "
            "auto_detect = false, ignore_errors = true, maximum_object_size = 67108864, filename = true)"
        )
    return statements


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--short", type=int, default=7, help="days of history of the first warehouse")
    parser.add_argument(
        "--long", type=int, default=28, help="days of history of the second warehouse (0: one history only)"
    )
    parser.add_argument("--daily-contacts", type=int, default=8_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--keep", action="store_true", help="keep the lakes and the warehouses")
    parser.add_argument(
        "--lake", type=Path, help="a lake simulated before (its raw/ and truth/) instead of simulating one"
    )
    parser.add_argument(
        "--no-floor", action="store_true", help="skip the raw floor (at 1M contacts DuckDB's JSON reader needs >16 GiB)"
    )
    args = parser.parse_args()

    workdir = Path(tempfile.mkdtemp(prefix="connect-lake-incremental-bench-"))
    lake_root = args.lake.resolve() if args.lake else workdir / "lake"
    lake, truth = lake_root / "raw", lake_root / "truth"
    env = {
        **os.environ,
        "DBT_PROFILES_DIR": str(REPO),
        "DBT_SEND_ANONYMOUS_USAGE_STATS": "false",
        "CONNECT_LAKE_TARGET": "duckdb",
    }
    simulated = (
        {"seconds": None, "peak_mib": None, "reused": str(lake_root)}
        if args.lake
        else measured(
            [
                str(BIN / "connect-lake"),
                "simulate",
                "--days",
                str(max(args.short, args.long) + 1),
                "--daily-contacts",
                str(args.daily_contacts),
                "--seed",
                str(args.seed),
                "--out",
                str(lake),
                "--truth-out",
                str(truth),
                "--malformed-line-rate",
                "0.0005",
                "--quiet",
            ],
            env,
        )
    )
    result = {**stamp(), "daily_contacts": args.daily_contacts, "simulate": simulated}
    summary = json.loads((truth / "summary.json").read_text())["counts"]
    result["lake"] = {
        k: summary[k]
        for k in ("contact_legs_delivered", "agent_events", "flow_log_entries", "contact_lens_files", "profile_events")
    }

    histories = (args.short, args.long) if args.long else (args.short,)
    for history in histories:
        landing = workdir / f"history_{history}" / "raw"
        warehouse = workdir / f"history_{history}" / "warehouse.duckdb"
        run_env = {**env, "CONNECT_LAKE_RAW_PATH": str(landing), "CONNECT_LAKE_DUCKDB_PATH": str(warehouse)}
        target = ["--target-path", str(warehouse.parent / "target")]
        objects = replay(lake, truth, moment(history), landing)
        step = {
            "days": history,
            "objects": objects,
            "raw_mib": round(sum(p.stat().st_size for p in landing.rglob("*") if p.is_file()) / 2**20),
        }
        if history == args.short and not args.no_floor:
            script = workdir / "floor.py"
            script.write_text(
                "import duckdb, sys\nc = duckdb.connect(sys.argv[1])\nc.execute('set threads = 2')\n"
                + "".join(f"c.execute({s!r})\n" for s in floor_sql(landing))
            )
            step["floor"] = measured([sys.executable, str(script), str(workdir / "floor.duckdb")], run_env)
        step["full_build"] = production_run(target, run_env)
        # the same command again with nothing new landed: what every run costs whatever landed (dbt's start,
        # one listing per source, every node and data test on tables that did not change)
        step["nothing_new"] = production_run(target, run_env)
        replay(lake, truth, moment(history + 1), landing)
        step["incremental_plus_1_day"] = production_run(target, run_env)
        slowest = sorted(step["incremental_plus_1_day"]["results"], key=lambda r: r["execution_time"], reverse=True)[:6]
        step["incremental_slowest_nodes_s"] = {
            r["unique_id"].split(".")[-1]: round(r["execution_time"], 1) for r in slowest
        }
        for run in ("full_build", "nothing_new", "incremental_plus_1_day"):
            step[run].pop("results")
        result[f"history_{history}_days"] = step

    short = result[f"history_{args.short}_days"]
    result["ratios"] = {
        "incremental_over_full_build_short": round(
            short["incremental_plus_1_day"]["seconds"] / short["full_build"]["seconds"], 3
        ),
        # what the day that landed adds to a run, over the full build: the part that follows the data
        "incremental_less_nothing_new_over_full_build_short": round(
            (short["incremental_plus_1_day"]["seconds"] - short["nothing_new"]["seconds"])
            / short["full_build"]["seconds"],
            3,
        ),
    }
    if "floor" in short:
        result["ratios"]["full_build_over_floor"] = round(short["full_build"]["seconds"] / short["floor"]["seconds"], 3)
    if args.long:
        long = result[f"history_{args.long}_days"]
        result["ratios"]["incremental_long_over_short"] = round(
            long["incremental_plus_1_day"]["seconds"] / short["incremental_plus_1_day"]["seconds"], 3
        )
    append("incremental_cost", result)
    if not args.keep:
        shutil.rmtree(workdir)
    return 0


if __name__ == "__main__":
    sys.exit(main())
