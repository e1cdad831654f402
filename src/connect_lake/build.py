"""`connect-lake build`: `dbt build` of the whole project, with the landing reads first, one at a time, on DuckDB.

A base model's first load holds memory that grows with what it reads (2.15 GiB resident for 30 days of agent
events at 33,000 contacts a day, read alone), and on DuckDB every model dbt runs at once shares one
database's memory limit: two first loads side by side run a large history out of it. So on DuckDB the build
runs in two dbt invocations: the models tagged `reads_landing_zone` (the base models, and their tests) with
one thread, then everything else with the profile's threads. Athena and Trino have no shared limit, and build
in one invocation. The lineage stays true: no model depends on another it does not read.

    connect-lake build                                        # as `make build` does
    connect-lake build --target trino
    connect-lake build -- --exclude-resource-type unit_test   # any further dbt build options, after --
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

LANDING_READS = "tag:reads_landing_zone"
SELECTION_FLAGS = ("-s", "--select", "--exclude", "--selector", "-m", "--models")


def build_commands(target: str | None, dbt_args: Sequence[str], dbt: Path) -> list[list[str]]:
    """The dbt invocations of one whole-project build on `target` (None: the profile's, as plain dbt picks it;
    naming it on the command line would make dbt parse the project anew)."""
    if any(arg.split("=", 1)[0] in SELECTION_FLAGS for arg in dbt_args):
        raise SystemExit("connect-lake build builds the whole project; for a selection run dbt build -s ... itself")
    base = [str(dbt), "build", *(["--target", target] if target else []), *dbt_args]
    if (target or os.environ.get("CONNECT_LAKE_TARGET", "duckdb")) != "duckdb":
        return [base]
    return [[*base, "--select", LANDING_READS, "--threads", "1"], [*base, "--exclude", LANDING_READS]]


def run(target: str, dbt_args: Sequence[str], dbt: Path) -> int:
    for command in build_commands(target, dbt_args, dbt):
        code = subprocess.run(command).returncode
        if code != 0:
            return code
    return 0


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "build",
        help="dbt build of the whole project (on DuckDB the landing reads first, one at a time)",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument(
        "--target",
        default=None,
        help="the profile's target: duckdb, trino or athena (default: env CONNECT_LAKE_TARGET, else duckdb)",
    )
    p.add_argument("dbt_args", nargs="*", help="further `dbt build` options, after --")
    p.set_defaults(func=_run)


def _run(args: argparse.Namespace) -> int:
    return run(args.target, args.dbt_args, Path(sys.executable).parent / "dbt")
