"""Every saved analysis compiles and runs on the test warehouse and returns rows: an analyst's `dbt show -s <name>`
works out of the box. The numbers themselves are the marts', held against the truth elsewhere; here, the rollups
are held to the marts' own sums (no row lost or double-counted)."""

from __future__ import annotations

from pathlib import Path

import pytest

from lakes import REPO, Warehouse, run_dbt

ANALYSES = sorted(p.stem for p in (REPO / "analyses").glob("*.sql"))


@pytest.fixture(scope="module")
def compiled(warehouse: Warehouse, tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("analyses")
    run_dbt(["compile", "--select", "resource_type:analysis"], warehouse.env, target)
    return target / "compiled" / "connect_lake" / "analyses"


@pytest.mark.parametrize("name", ANALYSES)
def test_the_analysis_runs_and_returns_rows(name: str, compiled: Path, warehouse: Warehouse) -> None:
    rows = warehouse.dicts((compiled / f"{name}.sql").read_text())
    assert len(rows) > 0


def test_rollups_keep_every_contact(compiled: Path, warehouse: Warehouse) -> None:
    def total(sql: str) -> float:
        return warehouse.query(sql)[0][0]

    handled = total("select sum(contacts_handled) from main_marts.fct_queue_intervals")
    by_channel = warehouse.dicts((compiled / "aht_by_channel_by_day.sql").read_text())
    assert sum(r["contacts_handled"] for r in by_channel) == handled
    queued = total("select sum(contacts_queued) from main_marts.fct_queue_intervals")
    by_queue = warehouse.dicts((compiled / "service_level_by_day.sql").read_text())
    assert sum(r["contacts_queued"] for r in by_queue) == queued
    moves = total(
        "select count(*) from main_marts.fct_contacts as c inner join main_marts.fct_contacts as n"
        " on c.next_contact_id = n.contact_id where n.relation_to_previous is not null"
    )
    transfers = warehouse.dicts((compiled / "transfers_by_type_by_day.sql").read_text())
    assert sum(r["transfers"] for r in transfers) == moves > 0
