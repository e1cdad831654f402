"""The command-line options every command that reads the built DuckDB warehouse shares."""

from __future__ import annotations

import argparse
import os
from pathlib import Path


def add_warehouse_options(parser: argparse.ArgumentParser, schema_default: str | None = "main_marts") -> None:
    """--warehouse (the DuckDB file dbt built, as `make run` places it) and --schema (its marts' schema; a
    command reading other engines passes None and picks the engine's own)."""
    parser.add_argument(
        "--warehouse",
        type=Path,
        default=Path(os.environ.get("CONNECT_LAKE_DUCKDB_PATH", "data/warehouse/connect_lake.duckdb")),
        help="the DuckDB warehouse dbt built (env CONNECT_LAKE_DUCKDB_PATH)",
    )
    parser.add_argument("--schema", default=schema_default, help="the schema of the marts")
