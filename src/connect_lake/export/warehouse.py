"""One query interface over the three engines' warehouses: the DuckDB file, a Trino server, Athena."""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb


@dataclass
class Result:
    columns: list[str]
    types: list[str]  # DuckDB type names
    rows: list[Sequence[Any]]


def _duckdb_type(engine_type: str) -> str:
    """A Trino or Athena column type as the DuckDB type that holds it."""
    name = re.sub(r"\(.*\)", "", engine_type or "varchar").strip().lower()
    return {
        "varchar": "VARCHAR",
        "string": "VARCHAR",
        "char": "VARCHAR",
        "bigint": "BIGINT",
        "integer": "INTEGER",
        "int": "INTEGER",
        "smallint": "SMALLINT",
        "double": "DOUBLE",
        "real": "FLOAT",
        "float": "FLOAT",
        "decimal": "DOUBLE",
        "boolean": "BOOLEAN",
        "date": "DATE",
        "timestamp": "TIMESTAMP",
        "timestamp with time zone": "TIMESTAMPTZ",
    }.get(name, "VARCHAR")


class Warehouse:
    """Runs a select on the engine's warehouse and returns typed rows."""

    def __init__(self, engine: str, duckdb_path: Path | None = None) -> None:
        self.engine = engine
        self.duckdb_path = duckdb_path

    def query(self, sql: str) -> Result:
        if self.engine == "duckdb":
            with duckdb.connect(str(self.duckdb_path), read_only=True) as con:
                relation = con.sql(sql)
                return Result(relation.columns, [str(t) for t in relation.types], relation.fetchall())
        cursor = self._dbapi_connection().cursor()
        cursor.execute(sql)
        rows = cursor.fetchall()
        return Result([d[0] for d in cursor.description], [_duckdb_type(d[1]) for d in cursor.description], rows)

    def _dbapi_connection(self):
        if self.engine == "trino":
            import trino

            return trino.dbapi.connect(
                host=os.environ.get("CONNECT_LAKE_TRINO_HOST", "127.0.0.1"),
                port=int(os.environ.get("CONNECT_LAKE_TRINO_PORT", "18080")),
                user="connect_lake",
                catalog="iceberg",
            )
        if self.engine == "athena":
            from pyathena import connect

            return connect(
                region_name=os.environ.get("AWS_REGION", "us-east-1"),
                work_group=os.environ.get("CONNECT_LAKE_ATHENA_WORKGROUP", "connect_lake"),
                s3_staging_dir=os.environ.get("CONNECT_LAKE_ATHENA_S3_STAGING_DIR"),
            )
        raise ValueError(f"unknown engine {self.engine!r}: duckdb, trino or athena")


def default_schema(engine: str) -> str:
    """Where dbt puts the marts on each engine (profiles.yml's schema plus `_marts`)."""
    if engine == "duckdb":
        return "main_marts"
    if engine == "trino":
        return os.environ.get("CONNECT_LAKE_TRINO_SCHEMA", "connect_lake") + "_marts"
    return os.environ.get("CONNECT_LAKE_ATHENA_SCHEMA", "connect_lake") + "_marts"
