"""Test helpers: the small simulated landing zone every fault is injected into (Lake), the warehouse dbt builds
over it (Warehouse), and the commands and readers the tests share. The fixtures that build them once per session
are in conftest.py."""

from __future__ import annotations

import csv
import gzip
import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import orjson

from connect_lake.landing.firehose import DeliveryFaults
from connect_lake.simulate.delivery import ContactFaults
from connect_lake.simulate.engine import Settings

REPO = Path(__file__).resolve().parents[1]
# the leg relations AWS's published classification tells apart
AWS_LEG_RELATIONS = frozenset(
    {"TRANSFER", "CONSULT", "CONFERENCE", "EXTERNAL_TRANSFER", "EXTERNAL_CONSULT", "EXTERNAL_CONFERENCE"}
)
BIN = Path(sys.executable).parent
# the raw sources Firehose delivers line by line (gzip NDJSON under YYYY/MM/DD/HH/)
FIREHOSE_SOURCES = ("contact_records", "agent_events", "contact_flow_logs", "customer_profiles", "cloudwatch_metrics")


def ts(text: str) -> datetime:
    """ISO-8601 UTC text (Z or offset) as a naive UTC datetime, as the warehouse returns timestamps."""
    return datetime.fromisoformat(text.replace("Z", "+00:00")).replace(tzinfo=None)


def read_csv(path: Path) -> list[dict[str, str]]:
    with open(path, newline="") as handle:
        return list(csv.DictReader(handle))


def truth_by_contact(lake: Lake, name: str) -> dict[str, dict[str, str]]:
    """A truth file with one row per contact leg (contacts.csv, contact_analysis.csv), keyed by contact id."""
    return {row["contact_id"]: row for row in read_csv(lake.truth / name)}


def data_test_statuses(warehouse: Warehouse) -> dict[str, str]:
    """The status of every data test of the warehouse's last `dbt build`, by its unique id."""
    results = json.loads((warehouse.target / "run_results.json").read_text())["results"]
    return {r["unique_id"]: r["status"] for r in results if r["unique_id"].startswith("test.")}


def small_settings(out: Path, truth: Path, **overrides) -> Settings:
    """Three days at a small volume, every fault switched on and turned up so each one surely occurs."""
    values = dict(
        out=out,
        truth_out=truth,
        days=3,
        seed=7,
        daily_contacts=700,
        progress=False,
        contact_faults=ContactFaults(
            duplicate_rate=0.03,
            redelivery_rate=0.06,
            case_duplicate_key_rate=0.05,
            agent_event_duplicate_rate=0.01,
            reanalysis_rate=0.05,
        ),
        delivery_faults=DeliveryFaults(malformed_line_rate=0.004, late_object_rate=0.03, corrupt_object_rate=0.01),
    )
    values.update(overrides)
    return Settings(**values)


class Lake:
    """A simulated landing zone and its truth."""

    def __init__(self, root: Path, summary: dict) -> None:
        self.root = root
        self.raw = root / "raw"
        self.truth = root / "truth"
        self.summary = summary

    def corrupt_objects(self) -> dict[str, str]:
        """Key (relative to the landing root) -> quarantine reason of every unreadable object injected."""
        return {r["key"]: r["expected_reason"] for r in read_csv(self.truth / "corrupt_objects.csv")}

    def malformed_lines(self) -> dict[tuple[str, int], str]:
        """(key, line number) -> quarantine reason of every malformed line injected."""
        return {
            (r["key"], int(r["line_number"])): r["expected_reason"]
            for r in read_csv(self.truth / "malformed_lines.csv")
        }

    def objects(self, source: str) -> list[Path]:
        """The readable objects the simulator landed for a Firehose source."""
        corrupt = self.corrupt_objects()
        return sorted(
            path for path in (self.raw / source).rglob("*.gz") if str(path.relative_to(self.raw)) not in corrupt
        )

    def lines(self, source: str) -> Iterator[tuple[Path, int, bytes]]:
        """Every line of the readable objects, injected malformed lines included."""
        for path in self.objects(source):
            for number, line in enumerate(gzip.decompress(path.read_bytes()).split(b"\n"), 1):
                if line:
                    yield path, number, line

    def newest_records(self) -> dict[str, dict]:
        """The newest delivered copy of each contact record (latest LastUpdateTimestamp), as it landed in the
        readable objects."""
        newest: dict[str, dict] = {}
        for record in self.records("contact_records"):
            contact = record["ContactId"]
            if contact not in newest or record["LastUpdateTimestamp"] >= newest[contact]["LastUpdateTimestamp"]:
                newest[contact] = record
        return newest

    def records(self, source: str) -> Iterator[dict]:
        """Every record the simulator delivered, without the malformed lines it injected beside them."""
        malformed = self.malformed_lines()
        for path, number, line in self.lines(source):
            if (str(path.relative_to(self.raw)), number) not in malformed:
                yield orjson.loads(line)


def dbt_env(lake: Lake, warehouse: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        {
            "CONNECT_LAKE_RAW_PATH": str(lake.raw),
            "CONNECT_LAKE_DUCKDB_PATH": str(warehouse),
            "DBT_PROFILES_DIR": str(REPO),
            "DBT_SEND_ANONYMOUS_USAGE_STATS": "false",
            "DO_NOT_TRACK": "1",
            "CONNECT_LAKE_TARGET": "duckdb",
        }
    )
    return env


def run_dbt(
    args: list[str],
    env: dict[str, str],
    target_path: Path | None = None,
    project: Path = REPO,
    check: bool = True,
) -> subprocess.CompletedProcess:
    """dbt in the project folder (the repository, or a copy a test edits); fails the test unless it succeeds,
    when `check`."""
    command = [str(BIN / "dbt"), *args]
    if target_path is not None:
        command += ["--target-path", str(target_path)]
    result = subprocess.run(command, cwd=project, env=env, capture_output=True, text=True)
    if check and result.returncode != 0:
        raise AssertionError(f"dbt {' '.join(args)} failed:\n{result.stdout[-6000:]}\n{result.stderr[-3000:]}")
    return result


class Warehouse:
    """The dbt project built on DuckDB over a Lake."""

    def __init__(self, path: Path, env: dict[str, str], target: Path) -> None:
        self.path = path
        self.env = env
        self.target = target

    def query(self, sql: str) -> list[tuple]:
        import duckdb

        connection = duckdb.connect(str(self.path))
        try:
            return connection.execute(sql).fetchall()
        finally:
            connection.close()

    def dicts(self, sql: str) -> list[dict]:
        import duckdb

        connection = duckdb.connect(str(self.path))
        try:
            cursor = connection.execute(sql)
            names = [d[0] for d in cursor.description]
            return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
        finally:
            connection.close()


class MetricFlow:
    """`mf query` over a warehouse. MetricFlow reads the semantic manifest from the project's own target/
    folder, so the one the warehouse's build wrote is put there (dbt parse writes the same file)."""

    def __init__(self, warehouse: Warehouse, scratch: Path) -> None:
        self.warehouse = warehouse
        self.scratch = scratch
        (REPO / "target").mkdir(exist_ok=True)
        shutil.copy(warehouse.target / "semantic_manifest.json", REPO / "target" / "semantic_manifest.json")

    def run(self, args: list[str]) -> subprocess.CompletedProcess:
        return subprocess.run(
            [str(BIN / "mf"), *args], cwd=REPO, env=self.warehouse.env, capture_output=True, text=True
        )

    def query(
        self, metrics: tuple[str, ...], group_by: tuple[str, ...] = (), where: str | None = None, *extra: str
    ) -> list[dict[str, str]]:
        """The rows of one `mf query`, as text (an empty string for NULL)."""
        path = self.scratch / "result.csv"
        path.unlink(missing_ok=True)
        args = ["query", "--metrics", ",".join(metrics), "--csv", str(path), *extra]
        args += ["--group-by", ",".join(group_by)] if group_by else []
        args += ["--where", where] if where else []
        result = self.run(args)
        assert result.returncode == 0 and path.exists(), result.stdout[-3000:] + result.stderr[-3000:]
        with open(path, newline="") as handle:
            return list(csv.DictReader(handle))


def rebuilt_in_full(result: subprocess.CompletedProcess) -> set[str]:
    """The models a build said it rebuilt in full because their definition or an input changed."""
    return set(re.findall(r"connect_lake: (\w+) has changed since its table was built", result.stdout))


PROJECT_PARTS = ("dbt_project.yml", "profiles.yml", "models", "macros", "seeds", "tests", "analyses")


def copy_project(destination: Path) -> Path:
    """A copy of the dbt project a test may edit, as an analyst edits their checkout."""
    destination.mkdir(parents=True)
    for part in PROJECT_PARTS:
        source = REPO / part
        if source.is_dir():
            shutil.copytree(source, destination / part)
        else:
            shutil.copy(source, destination / part)
    return destination


WAREHOUSE_SCHEMAS = ("main_staging", "main_intermediate", "main_marts")
# when a row was built, not what it holds
RUN_COLUMNS = frozenset({"_ingested_at"})


def warehouse_relations(warehouse: Warehouse, schemas: tuple[str, ...] = WAREHOUSE_SCHEMAS) -> dict[str, list[str]]:
    """Every table and view of the warehouse's models, with its columns as compared (run columns left out, doubles
    to 6 decimals)."""
    columns: dict[str, list[str]] = {}
    for schema, table, column, kind in warehouse.query(
        "select table_schema, table_name, column_name, data_type from information_schema.columns "
        f"where table_schema in {schemas} order by table_schema, table_name, ordinal_position"
    ):
        if column not in RUN_COLUMNS:
            columns.setdefault(f"{schema}.{table}", []).append(
                f'round("{column}", 6)' if kind == "DOUBLE" else f'"{column}"'
            )
    return columns


def differing_tables(left: Warehouse, right: Warehouse, tables: dict[str, list[str]]) -> dict[str, list[int]]:
    """The tables whose rows differ between two warehouses: per table, the rows only on the left and only on the
    right (multisets, so a duplicated row counts)."""
    import duckdb

    connection = duckdb.connect()
    connection.execute(f"attach '{left.path}' as left_warehouse (read_only)")
    connection.execute(f"attach '{right.path}' as right_warehouse (read_only)")
    differing = {}
    for table, columns in tables.items():
        select = ", ".join(columns)
        counts = [
            connection.execute(
                f"select count(*) from (select {select} from {a}.{table} except all select {select} from {b}.{table})"
            ).fetchone()[0]
            for a, b in (("left_warehouse", "right_warehouse"), ("right_warehouse", "left_warehouse"))
        ]
        if any(counts):
            differing[table] = counts
    connection.close()
    return differing


# what a build whose tables are compared, not tested, leaves out (the session warehouse runs every test)
MODELS_ONLY = ("--exclude-resource-type", "test", "unit_test")


def build_warehouse(lake: Lake, root: Path, select: list[str] | None = None, extra: tuple[str, ...] = ()) -> Warehouse:
    warehouse = Warehouse(root / "warehouse.duckdb", dbt_env(lake, root / "warehouse.duckdb"), root / "target")
    run_dbt(["run-operation", "stage_raw_sources"], warehouse.env, warehouse.target)
    run_dbt(["build", *(["--select", *select] if select else []), *extra], warehouse.env, warehouse.target)
    # the build's manifest (each model compiled as a first build compiles it), before other commands replace it
    shutil.copy(warehouse.target / "manifest.json", warehouse.target / "build_manifest.json")
    return warehouse


def athena_env(settings: dict[str, str] | None = None) -> dict[str, str]:
    """Environment for dbt on the Athena target without AWS (offline compile, run-operations that only print)."""
    return {
        "DBT_PROFILES_DIR": str(REPO),
        "PATH": str(BIN),
        "HOME": str(REPO / "target"),
        "DBT_SEND_ANONYMOUS_USAGE_STATS": "false",
        **(settings or {}),
        "CONNECT_LAKE_TARGET": "athena",
    }


def compile_for_athena(target: Path, settings: dict[str, str] | None = None, extra_vars: str = "") -> Path:
    """`dbt compile --target athena` offline; returns the folder of the compiled models. `extra_vars`: more
    vars, as YAML mapping entries."""
    shutil.rmtree(target, ignore_errors=True)  # no compiled file of a model since renamed or removed
    result = subprocess.run(
        [
            str(BIN / "dbt"),
            "compile",
            "--target",
            "athena",
            "--no-populate-cache",
            "--vars",
            "{offline_compile: true" + (", " + extra_vars if extra_vars else "") + "}",
            "--target-path",
            str(target),
        ],
        cwd=REPO,
        env=athena_env(settings),
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout[-5000:]
    return target / "compiled" / "connect_lake" / "models"
