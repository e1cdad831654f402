"""`connect-lake export-demand`: the demand series as the target time series Amazon Forecast and SageMaker Canvas
take (timestamp, item_id, target_value: one item per queue and channel), and the customer features as parquet,
from any engine's warehouse."""

from __future__ import annotations

import argparse
import csv
from pathlib import Path

import duckdb

from connect_lake.export.warehouse import Result, Warehouse, default_schema
from connect_lake.warehouse_options import add_warehouse_options

TIMESTAMP_FORMAT = "%Y-%m-%d %H:%M:%S"  # the yyyy-MM-dd HH:mm:ss Amazon Forecast expects


def demand_sql(schema: str) -> str:
    return (
        "select interval_start_at, queue_name, channel, contacts_offered "
        f"from {schema}.fct_demand_intervals order by queue_name, channel, interval_start_at"
    )


def write_target_time_series(result: Result, path: Path) -> int:
    """timestamp, item_id (queue:channel), target_value (contacts offered), one row per interval."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(("timestamp", "item_id", "target_value"))
        for interval_start_at, queue_name, channel, offered in result.rows:
            writer.writerow((interval_start_at.strftime(TIMESTAMP_FORMAT), f"{queue_name}:{channel}", offered))
    return len(result.rows)


def write_parquet(result: Result, path: Path) -> int:
    """The rows as a parquet file with the warehouse's column types (through an in-memory DuckDB)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    columns = ", ".join(f'"{c}" {t}' for c, t in zip(result.columns, result.types, strict=True))
    with duckdb.connect() as con:
        con.execute(f"create table export ({columns})")
        if result.rows:
            marks = ", ".join("?" for _ in result.columns)
            con.executemany(f"insert into export values ({marks})", [list(r) for r in result.rows])
        con.execute(f"copy export to '{path}' (format parquet, compression zstd)")
    return len(result.rows)


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "export-demand",
        help="write the demand series (Amazon Forecast target time series CSV) and the customer features (parquet)",
        description="Read fct_demand_intervals and fct_customer_features from a warehouse (--warehouse: the DuckDB "
        "file, engine duckdb; --schema default: main_marts on DuckDB, <CONNECT_LAKE_TRINO_SCHEMA or "
        "CONNECT_LAKE_ATHENA_SCHEMA>_marts on Trino and Athena) and write "
        "<out>/demand_target_time_series.csv (timestamp, item_id = queue:channel, target_value = contacts "
        "offered per interval) and <out>/customer_features.parquet.",
        formatter_class=argparse.ArgumentDefaultsHelpFormatter,
    )
    p.add_argument("--engine", choices=("duckdb", "trino", "athena"), default="duckdb", help="the warehouse's engine")
    add_warehouse_options(p, schema_default=None)
    p.add_argument("--out", type=Path, default=Path("target/exports"), help="the folder to write into")
    p.set_defaults(func=_run)


def _run(args: argparse.Namespace) -> int:
    warehouse = Warehouse(args.engine, args.warehouse)
    schema = args.schema or default_schema(args.engine)
    demand = write_target_time_series(warehouse.query(demand_sql(schema)), args.out / "demand_target_time_series.csv")
    features = write_parquet(
        warehouse.query(f"select * from {schema}.fct_customer_features order by customer_key, as_of_date"),
        args.out / "customer_features.parquet",
    )
    print(f"export-demand: {demand:,} intervals and {features:,} customer feature rows into {args.out}")
    return 0
