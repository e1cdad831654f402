"""Static checks of the project: dbt parses, SQL lints (no DuckDB-only `::` casts), Python is ruff-clean."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from lakes import BIN, REPO

DUCKDB_ONLY = re.compile(
    r"::[a-z]|\bqualify\b|\bilike\b|group by all|\bexclude\s*\(|json_extract_string|regexp_matches|strftime"
    r"|\blist_\w+\(|\blambda\b|->>",
    re.IGNORECASE,
)
# Trino reads 1000.0 as a DECIMAL literal: dividing by it gives a decimal where a contract declares double
DECIMAL_DIVISOR = re.compile(r"/\s*\d+\.\d+")


def run(command: list[str], warehouse: Path) -> subprocess.CompletedProcess:
    # the dbt templater opens the DuckDB target: give it a warehouse file of its own (a fresh clone has none)
    env = {
        "DBT_PROFILES_DIR": str(REPO),
        "PATH": str(BIN),
        "HOME": str(REPO / "target"),
        "CONNECT_LAKE_DUCKDB_PATH": str(warehouse),
    }
    return subprocess.run(command, cwd=REPO, capture_output=True, text=True, env=env)


def test_dbt_parses(tmp_path: Path) -> None:
    result = run([str(BIN / "dbt"), "parse", "--target-path", "target/parse-check"], tmp_path / "lint.duckdb")
    assert result.returncode == 0, result.stdout[-4000:]


def test_sql_lints_clean(tmp_path: Path) -> None:
    result = run(
        [
            str(BIN / "sqlfluff"),
            "lint",
            "models",
            "analyses",
            "tests/singular",
            "--disable-progress-bar",
            "--processes",
            "2",
        ],
        tmp_path / "lint.duckdb",
    )
    assert result.returncode == 0, result.stdout[-6000:]


def test_models_use_no_duckdb_only_syntax() -> None:
    """Engine differences belong in dispatched macros; models must read the same on Athena."""
    offenders = []
    for path in sorted((REPO / "models").rglob("*.sql")):
        for number, line in enumerate(path.read_text().splitlines(), 1):
            if DUCKDB_ONLY.search(line.split("--")[0]):
                offenders.append(f"{path.relative_to(REPO)}:{number}: {line.strip()}")
    assert not offenders, "\n".join(offenders)


def test_no_division_by_a_decimal_literal() -> None:
    offenders = [
        f"{path.relative_to(REPO)}:{number}: {line.strip()}"
        for folder in ("models", "macros")
        for path in sorted((REPO / folder).rglob("*.sql"))
        for number, line in enumerate(path.read_text().splitlines(), 1)
        if DECIMAL_DIVISOR.search(line.split("--")[0])
    ]
    assert not offenders, "\n".join(offenders)


def test_python_is_ruff_clean(tmp_path: Path) -> None:
    result = run([str(BIN / "ruff"), "check", "src", "pytests"], tmp_path / "unused.duckdb")
    assert result.returncode == 0, result.stdout[-4000:]
