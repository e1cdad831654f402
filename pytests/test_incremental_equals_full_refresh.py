"""Incremental runs give exactly the full-refresh result, for every model, whatever arrives late or oddly.

The landing zone is replayed as it looked at two moments of the simulated period (late objects withheld,
re-deliveries and re-analyses not yet landed, agents mid-shift with contacts on the desk, a floor supervisor
logged in for days) and a future-dated object under a 2027 folder is there from the start (a clock or prefix
mistake that must not hide what lands after it). The warehouse is built on the first moment, built
incrementally on the second, then on everything, with a lookback shorter than the lateness of the late
objects; a full build of everything must give the same rows in every table.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pytest

from connect_lake.landing.replay import replay
from lakes import (
    MODELS_ONLY,
    Lake,
    Warehouse,
    build_warehouse,
    differing_tables,
    read_csv,
    rebuilt_in_full,
    run_dbt,
    warehouse_relations,
)

# the models the incremental runs rebuilt in full (a definition that looked changed between runs)
REBUILT_IN_FULL: set[str] = set()
CUTOFFS = ("2026-11-03T14:00:00Z", "2026-11-04T09:00:00Z")  # the seed-7 lake spans 2026-11-02 to the 5th
FUTURE_KEY = "contact_records/2027/01/05/00/acme-care-ctr-1-2027-01-05-00-00-00-future-dated.gz"


def test_late_data_crosses_both_cutoffs(lake: Lake) -> None:
    objects = read_csv(lake.truth / "landing_objects.csv")
    deliveries = read_csv(lake.truth / "ctr_deliveries.csv")
    for cutoff in CUTOFFS:
        assert any(o["is_late"] == "1" and o["first_arrival_at"] <= cutoff < o["visible_at"] for o in objects)
        originals = {d["contact_id"] for d in deliveries if d["copy"] == "original" and d["arrival_at"] <= cutoff}
        assert any(
            d["copy"] == "redelivery" and d["arrival_at"] > cutoff and d["contact_id"] in originals for d in deliveries
        )
    analysed = defaultdict(list)
    for o in objects:
        if o["source"] == "contact_lens" and "/Redacted/" in o["key"]:
            analysed[o["key"].rsplit("/", 1)[1].split("_analysis_")[0]].append(o["visible_at"])
    assert any(min(times) <= CUTOFFS[0] < max(times) for times in analysed.values())
    # the floor supervisor is logged in across both cutoffs, in one status span
    spans = [s for s in read_csv(lake.truth / "agent_status_spans.csv") if s["status_name"] == "Supervising"]
    assert len(spans) == 1 and spans[0]["start_at"] < CUTOFFS[0] and spans[0]["end_at"] > CUTOFFS[1]


def with_future_object(lake: Lake, raw: Path) -> None:
    """Land, under a folder in 2027, a copy of the first contact-record object."""
    target = raw / FUTURE_KEY
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(lake.objects("contact_records")[0].read_bytes())


@pytest.fixture(scope="module")
def warehouses(lake: Lake, tmp_path_factory: pytest.TempPathFactory) -> tuple[Warehouse, Warehouse]:
    """One landing folder that fills up as the simulated period goes by, built after each moment."""
    root = tmp_path_factory.mktemp("incremental")
    landing = Lake(root / "landing", lake.summary)
    assert replay(lake.raw, lake.truth / "landing_objects.csv", CUTOFFS[0], landing.raw) > 100
    with_future_object(lake, landing.raw)
    # the tables are compared here; the session warehouse runs every data and unit test
    incremental = build_warehouse(landing, root / "incremental", extra=MODELS_ONLY)
    for moment in (*CUTOFFS[1:], "9999-12-31T00:00:00Z"):
        replay(lake.raw, lake.truth / "landing_objects.csv", moment, landing.raw)
        run_dbt(["run-operation", "stage_raw_sources"], incremental.env, incremental.target)
        run = run_dbt(
            ["build", "--vars", "{incremental_lookback_days: 1}", *MODELS_ONLY], incremental.env, incremental.target
        )
        REBUILT_IN_FULL.update(rebuilt_in_full(run))
    assert len(list(landing.raw.rglob("*.*"))) == len(list(lake.raw.rglob("*.*"))) + 1
    full_refresh = build_warehouse(landing, root / "full_refresh", extra=MODELS_ONLY)
    return incremental, full_refresh


def test_every_model_equals_its_full_refresh(warehouses: tuple[Warehouse, Warehouse]) -> None:
    incremental, full_refresh = warehouses
    tables = warehouse_relations(full_refresh)
    assert set(warehouse_relations(incremental)) == set(tables)
    assert {"main_marts.fct_agent_intervals", "main_staging.base_connect__agent_events"} <= set(tables)
    for table in tables:
        assert full_refresh.query(f"select count(*) from {table}")[0][0] > 0, table
    assert differing_tables(incremental, full_refresh, tables) == {}


def test_no_incremental_run_rebuilt_a_model_in_full(warehouses: tuple[Warehouse, Warehouse]) -> None:
    """The definitions the first run recorded are those of the next runs (a var that only changes how a run
    lists, incremental_lookback_days, included): each model took only what was new."""
    assert not REBUILT_IN_FULL, REBUILT_IN_FULL


def test_the_future_dated_object_was_read_in_the_first_run_and_hid_nothing(
    warehouses: tuple[Warehouse, Warehouse],
) -> None:
    incremental, _ = warehouses
    runs = incremental.query("select count(distinct _ingested_at) from main_staging.base_connect__contact_records")[0][
        0
    ]
    assert runs == 3
    first_run = incremental.query("select min(_ingested_at) from main_staging.base_connect__contact_records")[0][0]
    future = incremental.query(
        "select count(*), min(_ingested_at) from main_staging.base_connect__contact_records "
        f"where _source_file like '%{FUTURE_KEY}'"
    )[0]
    assert future[0] > 0 and future[1] == first_run


def test_each_object_was_read_once(warehouses: tuple[Warehouse, Warehouse]) -> None:
    """Across the three runs every object was read by exactly one of them, and they read what one full build
    reads."""
    incremental, full_refresh = warehouses
    for source in (
        "contact_records",
        "agent_events",
        "contact_flow_logs",
        "customer_profiles",
        "contact_lens_analyses",
    ):
        query = f"select _source_file, count(distinct _ingested_at) from main_staging.base_connect__{source} group by 1"
        reads = dict(incremental.query(query))
        assert reads and set(reads.values()) == {1}, source
        assert set(reads) == set(dict(full_refresh.query(query))), source
