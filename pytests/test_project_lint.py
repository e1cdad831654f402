"""Static checks of the project: dbt parses, SQL lints (no DuckDB-only `::` casts), Python is ruff-clean."""

from __future__ import annotations

import re
import subprocess

from conftest import BIN, REPO

DUCKDB_ONLY = re.compile(
    r"::[a-z]|\bqualify\b|\bilike\b|group by all|\bexclude\s*\(|json_extract_string|regexp_matches|strftime"
    r"|\blist_\w+\(|\blambda\b|->>",
    re.IGNORECASE,
)


def run(command: list[str]) -> subprocess.CompletedProcess:
    return subprocess.run(
        command,
        cwd=REPO,
        capture_output=True,
        text=True,
        env={"DBT_PROFILES_DIR": str(REPO), "PATH": str(BIN), "HOME": str(REPO / "target")},
    )


def test_dbt_parses() -> None:
    result = run([str(BIN / "dbt"), "parse", "--target-path", "target/parse-check"])
    assert result.returncode == 0, result.stdout[-4000:]


def test_sql_lints_clean() -> None:
    result = run([str(BIN / "sqlfluff"), "lint", "models", "analyses", "tests/singular", "--disable-progress-bar"])
    assert result.returncode == 0, result.stdout[-6000:]


def test_models_use_no_duckdb_only_syntax() -> None:
    """Engine differences belong in dispatched macros; models must read the same on Athena."""
    offenders = []
    for path in sorted((REPO / "models").rglob("*.sql")):
        for number, line in enumerate(path.read_text().splitlines(), 1):
            if DUCKDB_ONLY.search(line.split("--")[0]):
                offenders.append(f"{path.relative_to(REPO)}:{number}: {line.strip()}")
    assert not offenders, "\n".join(offenders)


def test_python_is_ruff_clean() -> None:
    result = run([str(BIN / "ruff"), "check", "src", "pytests"])
    assert result.returncode == 0, result.stdout[-4000:]
