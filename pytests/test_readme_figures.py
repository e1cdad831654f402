"""The figures the README quotes from `make run` are what `make run` gives: the Makefile's own `simulate`, `stage`
and `build` (its seed, days, volume and fault rates) run here into a folder of their own, and `connect-lake
figures` on that warehouse must print the README's table exactly. When a change moves a number, the failure shows
the new table to paste (`make run` prints it too)."""

from __future__ import annotations

import difflib
import os
import subprocess
from pathlib import Path

import pytest

from connect_lake.dashboard.figures import readme_block
from lakes import BIN, REPO


@pytest.fixture(scope="module")
def make_run_lake(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`make simulate stage build` with the Makefile's settings, into a folder of its own."""
    root = tmp_path_factory.mktemp("make_run")
    env = {
        **os.environ,
        "CONNECT_LAKE_RAW_PATH": str(root / "raw"),
        "CONNECT_LAKE_DUCKDB_PATH": str(root / "warehouse" / "connect_lake.duckdb"),
        "DBT_TARGET_PATH": str(root / "target"),
        "CONNECT_LAKE_TARGET": "duckdb",
    }
    env.pop("MAKEFLAGS", None)
    result = subprocess.run(
        ["make", "--no-print-directory", "simulate", "stage", "build"],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    return root


def test_the_readme_quotes_what_make_run_gives(make_run_lake: Path) -> None:
    printed = subprocess.run(
        [
            str(BIN / "connect-lake"),
            "figures",
            "--warehouse",
            str(make_run_lake / "warehouse" / "connect_lake.duckdb"),
            "--semantic-manifest",
            str(make_run_lake / "target" / "semantic_manifest.json"),
            "--truth",
            str(make_run_lake / "truth"),
        ],
        cwd=REPO,
        capture_output=True,
        text=True,
    )
    assert printed.returncode == 0, printed.stderr[-3000:]
    quoted = readme_block((REPO / "README.md").read_text())
    fresh = printed.stdout.strip()
    diff = "\n".join(
        difflib.unified_diff(quoted.splitlines(), fresh.splitlines(), "README.md", "make run", lineterm="")
    )
    assert quoted == fresh, f"the README's figures differ from a fresh make run; the new table:\n{fresh}\n\n{diff}"
