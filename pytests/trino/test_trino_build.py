"""The Athena SQL executed on a real engine: the project built and tested on a local Trino 476 (`make trino-check`).

Athena engine v3 is a Trino engine. A local Trino server (fetched from Maven Central once, started here,
stopped whatever happens) reads the simulated lake with every fault on through Hive external tables with
partition projection, as Athena reads S3, and builds every model into Iceberg tables: every seed, model, unit
test and data test of `dbt build --target trino`. Then:
- every mart holds the rows of the DuckDB build of the same lake, built at once (doubles to 1e-6);
- each model's compiled SELECT for `--target athena` is the text `--target trino` runs, catalogs aside;
- the Trino warehouse is built as a deployment builds it: the models over the landing zone as it stood at a
  cutoff, then an incremental `dbt build` of every node once the rest has landed (late objects, re-deliveries,
  re-analyses), which rebuilds nothing in full: Iceberg `merge`, deletes and appends on Trino end with the
  DuckDB full build's rows.
"""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
from collections import Counter
from collections.abc import Iterator
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import duckdb
import pytest

from connect_lake import trino_server
from connect_lake.landing.replay import replay
from lakes import (
    BIN,
    MODELS_ONLY,
    REPO,
    Lake,
    Warehouse,
    compile_for_athena,
    copy_project,
    read_csv,
    rebuilt_in_full,
    run_dbt,
)

CUTOFF = "2026-11-03T14:00:00Z"  # the seed-7 lake spans 2026-11-02 to the 5th
# when a run built the row, and where the engine says an object is (local:/// on Trino, a path on DuckDB)
RUN_COLUMNS = {"_ingested_at", "_source_file", "source_file", "quarantine_id", "_line_number", "line_number"}
S3_ROOT = "s3://example-connect-lake-raw"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def trino(tmp_path_factory: pytest.TempPathFactory) -> Iterator[int]:
    """A Trino server of its own for this module, on a free port; its port."""
    state = tmp_path_factory.mktemp("trino-server")
    port = free_port()
    try:
        trino_server.start(state, port)
        yield port
    finally:
        trino_server.stop(state)


def trino_env(raw: Path, port: int, name: str, duckdb_env: dict[str, str]) -> dict[str, str]:
    env = {k: v for k, v in duckdb_env.items() if not k.startswith("CONNECT_LAKE_")}
    salt = duckdb_env.get("CONNECT_LAKE_PII_SALT")
    env.update(
        {
            "CONNECT_LAKE_TARGET": "trino",
            "CONNECT_LAKE_TRINO_PORT": str(port),
            "CONNECT_LAKE_RAW_PATH": str(raw),
            "CONNECT_LAKE_RAW_SCHEMA": f"{name}_raw",
            "CONNECT_LAKE_TRINO_SCHEMA": name,
            **({"CONNECT_LAKE_PII_SALT": salt} if salt else {}),
        }
    )
    return env


def build_on_trino(
    raw: Path, env: dict[str, str], target: Path, args: tuple[str, ...] = ()
) -> subprocess.CompletedProcess:
    """check-objects, stage_raw_sources and dbt build on the Trino target: what an Athena deployment runs."""
    subprocess.run([str(BIN / "connect-lake"), "check-objects", "--root", str(raw)], cwd=REPO, env=env, check=True)
    run_dbt(["run-operation", "stage_raw_sources"], env, target)
    return run_dbt(["build", *args], env, target)


class TrinoWarehouse:
    def __init__(self, port: int, schema: str, target: Path) -> None:
        import trino as client

        self.connection = client.dbapi.connect(host="127.0.0.1", port=port, user="connect_lake", catalog="iceberg")
        self.schema = schema
        self.target = target
        self.raw: Path | None = None
        self.second_run: subprocess.CompletedProcess | None = None

    def query(self, sql: str) -> list[tuple]:
        cursor = self.connection.cursor()
        cursor.execute(sql)
        return cursor.fetchall()

    def tables(self, layer: str) -> dict[str, list[str]]:
        """table -> columns (run columns left out) of a layer's schema."""
        columns: dict[str, list[str]] = {}
        for table, column, kind in self.query(
            "select table_name, column_name, data_type from iceberg.information_schema.columns "
            f"where table_schema = '{self.schema}_{layer}' order by table_name, ordinal_position"
        ):
            if column not in RUN_COLUMNS:
                # doubles summed in another order differ in the last bits
                if kind in ("double", "real"):
                    expression = f'round("{column}", 6)'
                elif kind.startswith(("row", "array", "map")):
                    # Trino compares no row holding a null: compare their JSON text
                    expression = f'json_format(cast("{column}" as json))'
                else:
                    expression = f'"{column}"'
                columns.setdefault(table, []).append(expression)
        return columns


@pytest.fixture(scope="module")
def full_build(
    trino: int, lake: Lake, warehouse: Warehouse, tmp_path_factory: pytest.TempPathFactory
) -> TrinoWarehouse:
    """The lake built on Trino as a scheduled deployment builds it: the models over the landing zone as it stood
    at CUTOFF, then, once everything else has landed (late objects, re-deliveries, re-analyses), an incremental
    `dbt build` of every node. What it ends with is held against the DuckDB build of the whole lake at once,
    so one pair of runs proves both the Trino SQL and incremental = full on Iceberg."""
    root = tmp_path_factory.mktemp("trino-full")
    raw = root / "raw"
    assert replay(lake.raw, lake.truth / "landing_objects.csv", CUTOFF, raw) > 100
    env = trino_env(raw, trino, "full", warehouse.env)
    build_on_trino(raw, env, root / "first-run", MODELS_ONLY)
    replay(lake.raw, lake.truth / "landing_objects.csv", "9999-12-31T00:00:00Z", raw)
    trino_warehouse = TrinoWarehouse(trino, "full", root / "target")
    trino_warehouse.second_run = build_on_trino(raw, env, root / "target")
    trino_warehouse.raw = raw
    return trino_warehouse


def normalized(value: Any) -> Any:
    """A value as both engines' clients can agree on it: doubles to 1e-6, rows and structs as tuples."""
    if isinstance(value, float | Decimal):
        return round(float(value), 6)
    if isinstance(value, dict):
        return tuple(normalized(v) for v in value.values())
    if isinstance(value, list | tuple):
        return tuple(normalized(v) for v in value)
    if isinstance(value, datetime | date | str | int | bool) or value is None:
        return value
    raise TypeError(f"no comparison for {type(value)}")


def test_the_build_ran_every_node_on_trino(full_build: TrinoWarehouse, warehouse: Warehouse) -> None:
    """Every seed, model, unit test and data test the DuckDB build ran, ran and passed on Trino."""
    on_trino = json.loads((full_build.target / "run_results.json").read_text())["results"]
    on_duckdb = json.loads((warehouse.target / "run_results.json").read_text())["results"]
    assert {r["unique_id"] for r in on_trino} == {r["unique_id"] for r in on_duckdb}
    assert len(on_trino) > 250
    # warn: the quarantine reports what it holds, as it should with every fault on
    # saved queries and exposures are declarations dbt build skips (no-op) on every engine
    assert {
        r["unique_id"]: r["status"]
        for r in on_trino
        if r["status"] not in ("success", "pass", "warn")
        and not (r["status"] == "no-op" and r["unique_id"].startswith(("saved_query.", "exposure.")))
    } == {}
    marts = full_build.tables("marts")
    assert {"fct_contacts", "fct_queue_intervals", "fct_agent_intervals", "dim_customers"} <= set(marts)
    assert full_build.query(f"select count(*) from {full_build.schema}_marts.fct_contacts")[0][0] > 1000


def test_every_mart_has_the_duckdb_rows(full_build: TrinoWarehouse, warehouse: Warehouse) -> None:
    differing = {}
    marts = full_build.tables("marts")
    duckdb_marts = {
        table
        for (table,) in warehouse.query(
            "select table_name from information_schema.tables where table_schema = 'main_marts'"
        )
    }
    assert set(marts) == duckdb_marts
    for table, columns in marts.items():
        select_list = ", ".join(columns)
        on_trino = Counter(
            normalized(row) for row in full_build.query(f"select {select_list} from {full_build.schema}_marts.{table}")
        )
        on_duckdb = Counter(normalized(row) for row in warehouse.query(f"select {select_list} from main_marts.{table}"))
        assert sum(on_duckdb.values()) > 0, table
        if on_trino != on_duckdb:
            only_trino, only_duckdb = on_trino - on_duckdb, on_duckdb - on_trino
            differing[table] = (
                sum(only_trino.values()),
                sum(only_duckdb.values()),
                next(iter(only_trino), None),
                next(iter(only_duckdb), None),
            )
    assert not differing, differing


def test_export_demand_reads_the_trino_warehouse(
    trino: int, full_build: TrinoWarehouse, warehouse: Warehouse, tmp_path: Path
) -> None:
    """`connect-lake export-demand --engine trino` writes what the DuckDB export writes from the same lake."""
    files = {}
    for engine, out in (("trino", tmp_path / "trino"), ("duckdb", tmp_path / "duckdb")):
        env = {**warehouse.env, "CONNECT_LAKE_TRINO_PORT": str(trino)}
        command = [str(BIN / "connect-lake"), "export-demand", "--engine", engine, "--out", str(out)]
        command += ["--schema", f"{full_build.schema}_marts"] if engine == "trino" else []
        subprocess.run(command, cwd=REPO, env=env, check=True, capture_output=True)
        files[engine] = (out / "demand_target_time_series.csv").read_text()
        rows = duckdb.sql(f"select count(*) from '{out / 'customer_features.parquet'}'").fetchall()[0][0]
        files[engine + " features"] = rows
    assert files["trino"] == files["duckdb"] and files["trino"].count("\n") > 1000
    assert files["trino features"] == files["duckdb features"] > 0


def test_the_quarantine_on_trino_holds_exactly_the_injected_faults(full_build: TrinoWarehouse, lake: Lake) -> None:
    """Objects Trino's reader cannot take are quarantined from check-objects' findings, and every malformed line
    with its reason (Trino gives no line numbers: counted per object and reason)."""
    root = f"local://{full_build.raw}/"
    expected = Counter((key, reason) for (key, _), reason in lake.malformed_lines().items())
    # the original Contact Lens output is not read unless var allow_original_transcripts is on
    expected.update(
        (key, reason)
        for key, reason in lake.corrupt_objects().items()
        if "/Redacted/" in key or not key.startswith("contact_lens/")
    )
    quarantined = Counter(
        (path.removeprefix(root), reason)
        for path, reason in full_build.query(
            f"select source_file, quarantine_reason from {full_build.schema}_staging.stg_connect__quarantine"
        )
    )
    assert {reason for _, reason in expected} >= {"empty_object", "truncated_gzip", "not_gzip", "invalid_json"}
    assert quarantined == expected


def compile_offline(target_name: str, target: Path, port: int) -> Path:
    """The models compiled offline for a target, with the same schemas, landing root and clock-free vars."""
    settings = {
        "CONNECT_LAKE_ATHENA_SCHEMA": "connect_lake",
        "CONNECT_LAKE_TRINO_SCHEMA": "connect_lake",
        "CONNECT_LAKE_TRINO_PORT": str(port),
        "CONNECT_LAKE_RAW_S3_URI": S3_ROOT,
    }
    if target_name == "athena":
        return compile_for_athena(target, settings)
    env = {**os.environ, **settings, "DBT_PROFILES_DIR": str(REPO), "CONNECT_LAKE_TARGET": "trino"}
    run_dbt(["compile", "--no-populate-cache", "--vars", "{offline_compile: true}"], env, target)
    return target / "compiled" / "connect_lake" / "models"


def without_catalog(sql: str) -> str:
    """The SQL with relation names reduced to schema.table, the run's clock left out and whitespace collapsed
    (dbt-athena's and dbt-trino's versions of dbt's cross-database macros indent differently)."""
    sql = re.sub(r'"(?:awsdatacatalog|iceberg|hive)"\.', "", sql)
    sql = re.sub(r"cast\('\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d+' as timestamp\(6\)\)", "<run started>", sql)
    return re.sub(r"\s*([()])\s*", r"\1", re.sub(r"\s+", " ", sql)).strip()


def test_athena_and_trino_run_the_same_select(trino: int, tmp_path_factory: pytest.TempPathFactory) -> None:
    root = tmp_path_factory.mktemp("compare-compile")
    athena = compile_offline("athena", root / "athena", trino)
    on_trino = compile_offline("trino", root / "trino", trino)
    models = sorted(p.relative_to(athena) for p in athena.rglob("*.sql"))
    assert len(models) > 30
    assert models == sorted(p.relative_to(on_trino) for p in on_trino.rglob("*.sql"))
    differing = [
        str(m)
        for m in models
        if without_catalog((athena / m).read_text()) != without_catalog((on_trino / m).read_text())
    ]
    assert not differing, differing


def test_the_incremental_run_rebuilt_nothing_and_kept_every_entity(
    full_build: TrinoWarehouse, warehouse: Warehouse
) -> None:
    """The definitions the first run recorded are those of the second, so nothing was rebuilt in full (Iceberg
    merges, deletes and appends did the work); every deduplicated staging and intermediate table holds the
    DuckDB full build's number of rows (the marts are compared row for row above)."""
    assert rebuilt_in_full(full_build.second_run) == set()
    differing = {}
    for layer in ("staging", "intermediate"):
        for table in full_build.tables(layer):
            if table.startswith("base_"):
                continue  # every landed line: Trino's reader splits lines its own way (counted per object)
            on_trino = full_build.query(f"select count(*) from {full_build.schema}_{layer}.{table}")[0][0]
            on_duckdb = warehouse.query(f"select count(*) from main_{layer}.{table}")[0][0]
            if on_trino != on_duckdb:
                differing[f"{layer}.{table}"] = (on_trino, on_duckdb)
    assert not differing, differing


def test_a_column_added_to_an_incremental_mart_fills_every_row_on_trino(
    lake: Lake, full_build: TrinoWarehouse, warehouse: Warehouse, trino: int, tmp_path: Path
) -> None:
    """The analyst's edit of pytests/test_model_changes.py on Trino's Iceberg tables: a column added to
    fct_contacts rebuilds it in full, with the truth's values on every row; reverting the edit removes it again.
    Last in this module, as it rebuilds the full build's fct_contacts (to what it was)."""
    project = copy_project(tmp_path / "project")
    model = project / "models/marts/contact_center/fct_contacts.sql"
    yml = project / "models/marts/contact_center/_contact_center__models.yml"
    original_sql, original_yml = model.read_text(), yml.read_text()
    anchor = "        case when is_queued then queue_duration_s end as queue_duration_s,\n"
    model.write_text(
        original_sql.replace(anchor, anchor + "        coalesce(queue_duration_s > 60, false) as is_long_queue_wait,\n")
    )
    anchor = "      - name: interaction_duration_s\n"
    yml.write_text(
        original_yml.replace(anchor, "      - name: is_long_queue_wait\n        data_type: boolean\n" + anchor)
    )
    env = trino_env(full_build.raw, trino, "full", warehouse.env)
    added = run_dbt(["build", "-s", "fct_contacts"], env, tmp_path / "target", project=project)
    truth = read_csv(lake.truth / "contacts.csv")
    expected = sum(1 for row in truth if row["is_queued"] == "1" and int(row["queue_duration_s"] or 0) > 60)
    assert rebuilt_in_full(added) == {"fct_contacts"}
    assert full_build.query(
        "select count(*), count(is_long_queue_wait), count_if(is_long_queue_wait) from full_marts.fct_contacts"
    )[0] == [len(truth), len(truth), expected]
    model.write_text(original_sql)
    yml.write_text(original_yml)
    reverted = run_dbt(["build", "-s", "fct_contacts"], env, tmp_path / "target", project=project)
    assert rebuilt_in_full(reverted) == {"fct_contacts"}
    assert '"is_long_queue_wait"' not in full_build.tables("marts")["fct_contacts"]
