"""`connect-lake dashboard`: write the KPI dashboard, one self-contained HTML file, from the DuckDB warehouse and
the semantic layer's metrics (target/semantic_manifest.json, as dbt writes it)."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from connect_lake.warehouse_options import add_warehouse_options


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "dashboard",
        help="write the KPI dashboard (one self-contained HTML file) from the DuckDB warehouse",
        description=__doc__,
        formatter_class=argparse.ArgumentDefaultsHelpFormatter,
    )
    add_warehouse_options(p)
    p.add_argument("--start", type=date.fromisoformat, default=None, help="first day shown (default: the first)")
    p.add_argument("--end", type=date.fromisoformat, default=None, help="last day shown (default: the last)")
    p.add_argument(
        "--semantic-manifest",
        type=Path,
        default=Path("target/semantic_manifest.json"),
        help="the semantic layer's manifest dbt writes (dbt parse, build or docs generate), whose metrics it shows",
    )
    p.add_argument("--out", type=Path, default=Path("target/dashboard/index.html"), help="the HTML file to write")
    p.set_defaults(func=_run)


def _run(args: argparse.Namespace) -> int:
    from connect_lake.dashboard.kpis import load
    from connect_lake.dashboard.render import page

    data = load(args.warehouse, args.semantic_manifest, args.schema, args.start, args.end)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(page(data, str(args.warehouse)), encoding="utf-8")
    print(f"dashboard: {data.start} to {data.end} -> {args.out} ({args.out.stat().st_size / 1e6:.1f} MB)")
    return 0
