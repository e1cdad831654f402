"""The semantic layer, asked from Python: MetricFlow's own engine over the project's semantic manifest, run on the
DuckDB warehouse. The dashboard takes every number it can from here, so a tile is its metric by construction and
each KPI's rule (a sum over a sum, the channel a per-channel metric keeps, the time it is dated by) is written
once, in the semantic models' YAML, not again in the dashboard."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

import duckdb
from metricflow.data_table.mf_table import MetricFlowDataTable
from metricflow.engine.metricflow_engine import MetricFlowEngine, MetricFlowQueryRequest
from metricflow.protocols.sql_client import SqlEngine
from metricflow.sql.render.duckdb_renderer import DuckDbSqlPlanRenderer
from metricflow.sql.render.sql_plan_renderer import SqlPlanRenderer
from metricflow_semantics.model.dbt_manifest_parser import parse_manifest_from_dbt_generated_manifest
from metricflow_semantics.model.semantic_manifest_lookup import SemanticManifestLookup
from metricflow_semantics.sql.sql_bind_parameters import SqlBindParameterSet

NO_PARAMETERS = SqlBindParameterSet()
# MetricFlow narrates its planning and warns about dbt's own manifest conventions at WARNING: not the user's news
for _name in ("metricflow", "metricflow_semantics", "metricflow_semantic_interfaces", "dbt_semantic_interfaces"):
    logging.getLogger(_name).setLevel(logging.ERROR)


class DuckDbSqlClient:
    """MetricFlow's SqlClient protocol over an open DuckDB connection (read-only is enough: MetricFlow only
    selects)."""

    def __init__(self, connection: duckdb.DuckDBPyConnection) -> None:
        self.connection = connection

    @property
    def sql_engine_type(self) -> SqlEngine:
        return SqlEngine.DUCKDB

    @property
    def sql_plan_renderer(self) -> SqlPlanRenderer:
        return DuckDbSqlPlanRenderer()

    def query(self, stmt: str, sql_bind_parameter_set: SqlBindParameterSet = NO_PARAMETERS) -> MetricFlowDataTable:
        if sql_bind_parameter_set.param_dict:
            raise ValueError("bind parameters are not used by the dashboard's queries")
        cursor = self.connection.execute(stmt)
        return MetricFlowDataTable.create_from_rows([d[0] for d in cursor.description], cursor.fetchall())

    def execute(self, stmt: str, sql_bind_parameter_set: SqlBindParameterSet = NO_PARAMETERS) -> None:
        self.connection.execute(stmt)

    def dry_run(self, stmt: str, sql_bind_parameter_set: SqlBindParameterSet = NO_PARAMETERS) -> None:
        self.connection.execute(f"explain {stmt}")

    def close(self) -> None:
        self.connection.close()

    def render_bind_parameter_key(self, bind_parameter_key: str) -> str:
        return f"${bind_parameter_key}"


class SemanticLayer:
    """`mf query`, in process: metrics at a grain, filtered to [start, end] by the day each metric is dated by."""

    def __init__(self, connection: duckdb.DuckDBPyConnection, semantic_manifest: Path) -> None:
        if not semantic_manifest.exists():
            raise FileNotFoundError(
                f"no semantic manifest at {semantic_manifest}: run dbt parse (or make run) to write it"
            )
        manifest = parse_manifest_from_dbt_generated_manifest(manifest_json_string=semantic_manifest.read_text())
        self.engine = MetricFlowEngine(
            semantic_manifest_lookup=SemanticManifestLookup(manifest), sql_client=DuckDbSqlClient(connection)
        )

    def query(
        self,
        metrics: Sequence[str],
        start: date,
        end: date,
        group_by: Sequence[str] = (),
        where: Sequence[str] = (),
    ) -> list[dict[str, Any]]:
        """The rows of one query: a column per group-by and per metric, named as `mf query` names them."""
        days = f"{{{{ TimeDimension('metric_time', 'day') }}}} between '{start}' and '{end}'"
        request = MetricFlowQueryRequest.create(
            metric_names=list(metrics), group_by_names=list(group_by) or None, where_constraints=[days, *where]
        )
        table = self.engine.query(request).result_df
        if table is None:
            return []
        return [dict(zip(table.column_names, row, strict=True)) for row in table.rows]

    def totals(self, metrics: Sequence[str], start: date, end: date) -> dict[str, float | None]:
        """Each metric over the whole period, as one number."""
        rows = self.query(metrics, start, end)
        row = rows[0] if rows else {}
        return {name: None if row.get(name) is None else float(row[name]) for name in metrics}
