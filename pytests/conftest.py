"""The session fixtures: one small simulated landing zone with every fault on, the warehouse built over it, and
MetricFlow over that warehouse (the helpers they use are in lakes.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from connect_lake.simulate.engine import simulate
from lakes import Lake, MetricFlow, Warehouse, build_warehouse, run_dbt, small_settings


@pytest.fixture(scope="session")
def lake(tmp_path_factory: pytest.TempPathFactory) -> Lake:
    root = tmp_path_factory.mktemp("lake")
    summary = simulate(small_settings(root / "raw", root / "truth"))
    return Lake(root, summary)


@pytest.fixture(scope="session")
def warehouse(lake: Lake, tmp_path_factory: pytest.TempPathFactory) -> Warehouse:
    return build_warehouse(lake, tmp_path_factory.mktemp("warehouse"))


@pytest.fixture(scope="session")
def mf(warehouse: Warehouse, tmp_path_factory: pytest.TempPathFactory) -> MetricFlow:
    return MetricFlow(warehouse, tmp_path_factory.mktemp("metricflow"))


@pytest.fixture(scope="session")
def docs_site(warehouse: Warehouse, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`dbt docs generate` over the built warehouse: the docs site and its manifest.json and catalog.json."""
    target = tmp_path_factory.mktemp("docs")
    run_dbt(["docs", "generate"], warehouse.env, target)
    return target
