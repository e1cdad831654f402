"""Every model compiles for Athena without AWS, and what it compiles to parses as Athena SQL."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest

from lakes import BIN, REPO, athena_env, compile_for_athena

ATHENA_TARGET = REPO / "target_athena"
DUCKDB_ONLY_FUNCTIONS = re.compile(
    r"\b(json_extract_string|regexp_matches|strftime|strptime|epoch|isodow|list_\w+|struct_extract|"
    r"read_json\w*|read_csv\w*|string_split|array_length|len|json_valid|to_timestamp)\s*\(",
    re.IGNORECASE,
)
DUCKDB_ONLY_SYNTAX = re.compile(r"::\s*[a-z]|\bqualify\b|\bilike\b|group by all|\bexclude\s*\(|->>", re.IGNORECASE)


@pytest.fixture(scope="module")
def compiled() -> dict[str, str]:
    root = compile_for_athena(ATHENA_TARGET)
    # data tests compile under <properties file>.yml/; keep the models
    return {
        p.relative_to(root).as_posix(): p.read_text()
        for p in sorted(root.rglob("*.sql"))
        if ".yml/" not in p.relative_to(root).as_posix()
    }


@pytest.fixture(scope="module")
def raw_ddl() -> list[str]:
    result = subprocess.run(
        [
            str(BIN / "dbt"),
            "run-operation",
            "print_athena_raw_ddl",
            "--target",
            "athena",
            "--no-populate-cache",
            "--target-path",
            str(ATHENA_TARGET),
            "--quiet",
        ],
        cwd=REPO,
        env=athena_env(),
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout[-5000:]
    statements = [s.strip() for s in result.stdout.split(";\n") if s.strip()]
    assert statements
    return statements


def model_files() -> list[str]:
    return sorted(
        p.relative_to(REPO / "models").with_suffix(".sql").as_posix() for p in (REPO / "models").rglob("*.sql")
    )


def test_every_model_compiles_for_athena(compiled: dict[str, str]) -> None:
    assert set(compiled) == set(model_files())


def athena_parse_errors(paths: list[Path], dialect: str = "athena") -> dict[str, list[str]]:
    """Parse errors (sqlfluff PRS) per file under a dialect; one sqlfluff call for all files."""
    result = subprocess.run(
        [
            str(BIN / "sqlfluff"),
            "lint",
            "--dialect",
            dialect,
            "--templater",
            "raw",
            "--rules",
            "CP01",
            "--format",
            "json",
            "--disable-progress-bar",
            "--nofail",
            "--disregard-sqlfluffignores",
            *map(str, paths),
        ],
        capture_output=True,
        text=True,
        cwd=REPO,
    )
    report = json.loads(result.stdout)
    assert len(report) == len(paths), result.stderr[-2000:]
    return {
        entry["filepath"]: [
            f"{v['start_line_no']}: {v['description']}" for v in entry["violations"] if v["code"] == "PRS"
        ]
        for entry in report
    }


def test_compiled_models_parse_as_athena_engine_sql(compiled: dict[str, str]) -> None:
    """Athena engine v3 runs Trino SQL; sqlfluff's athena grammar has no quoted field names in ROW types (which
    the base models' JSON parsing needs), so the models are parsed with its trino grammar, and the DuckDB-only
    constructs that grammar accepts are rejected by the test below."""
    root = ATHENA_TARGET / "compiled" / "connect_lake" / "models"
    errors = athena_parse_errors([root / name for name in compiled], dialect="trino")
    assert not {k: v for k, v in errors.items() if v}


def test_compiled_models_use_no_duckdb_only_functions_or_syntax(compiled: dict[str, str]) -> None:
    offenders = {
        name: sorted(set(DUCKDB_ONLY_FUNCTIONS.findall(sql)) | set(DUCKDB_ONLY_SYNTAX.findall(sql)))
        for name, sql in compiled.items()
    }
    assert not {k: v for k, v in offenders.items() if v}


def test_raw_ddl_uses_projection_and_the_openx_serde_and_parses(raw_ddl: list[str], tmp_path: Path) -> None:
    # the table over check-objects' findings is one unpartitioned folder; every source table is projected
    [checks] = [s for s in raw_ddl if "`landing_object_checks`" in s]
    assert "_connect_lake/object_checks/" in checks and "org.openx.data.jsonserde.JsonSerDe" in checks
    tables = [s for s in raw_ddl if "create external table" in s and s is not checks]
    assert tables
    for statement in tables:
        assert "'projection.enabled' = 'true'" in statement
        assert "storage.location.template" in statement
        assert "msck" not in statement.lower()
    json_tables = [s for s in tables if "__json" in s]
    for statement in json_tables:
        assert "org.openx.data.jsonserde.JsonSerDe" in statement
        assert "'ignore.malformed.json' = 'true'" in statement
    # fields declared meta.json_text stay text (free-form maps, snapshots kept whole)
    json_text = {"contact_records": "`attributes` string", "agent_events": "`previousagentsnapshot` string"}
    for source, column in json_text.items():
        [statement] = [s for s in json_tables if f"`{source}__json`" in s]
        assert column in statement
    views = []
    for number, statement in enumerate(raw_ddl):
        body = "\n".join(line for line in statement.splitlines() if not line.startswith("--"))
        if body.startswith("create or replace view"):
            views.append(tmp_path / f"view_{number}.sql")
            views[-1].write_text(body + "\n")
    assert views
    errors = athena_parse_errors(views)
    assert not {k: v for k, v in errors.items() if v}
