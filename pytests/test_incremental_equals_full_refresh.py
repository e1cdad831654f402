"""Incremental runs after late objects and late re-deliveries give exactly the full-refresh result."""

from __future__ import annotations

import csv
from collections import defaultdict

import duckdb

from conftest import Lake, Warehouse, build_warehouse, run_dbt
from connect_lake.landing.replay import replay

# the incremental marts, and the Contact Lens marts built on the incremental base_connect__contact_lens_analyses
INCREMENTAL_MODELS = (
    "fct_contacts",
    "fct_contact_journeys",
    "fct_queue_intervals",
    "fct_contact_analysis",
    "fct_contact_analysis_categories",
    "fct_transcript_turns",
)
CUTOFF = "2026-11-04T06:00:00Z"  # the seed-7 lake starts 2026-11-02; three days of traffic


def test_late_objects_and_redeliveries_cross_the_cutoff(lake: Lake) -> None:
    with open(lake.truth / "landing_objects.csv") as handle:
        objects = list(csv.DictReader(handle))
    assert any(o["is_late"] == "1" and o["first_arrival_at"] <= CUTOFF < o["visible_at"] for o in objects)
    with open(lake.truth / "ctr_deliveries.csv") as handle:
        deliveries = list(csv.DictReader(handle))
    originals = {d["contact_id"] for d in deliveries if d["copy"] == "original" and d["arrival_at"] <= CUTOFF}
    assert any(
        d["copy"] == "redelivery" and d["arrival_at"] > CUTOFF and d["contact_id"] in originals for d in deliveries
    )
    # a Contact Lens re-analysis lands after the cut-off for a contact analysed before it
    analysed = defaultdict(list)
    for o in objects:
        if o["source"] == "contact_lens" and "/Redacted/" in o["key"]:
            analysed[o["key"].rsplit("/", 1)[1].split("_analysis_")[0]].append(o["visible_at"])
    assert any(min(times) <= CUTOFF < max(times) for times in analysed.values())


def test_incremental_build_after_late_data_equals_full_refresh(lake: Lake, warehouse: Warehouse, tmp_path) -> None:
    early = Lake(tmp_path / "early", lake.summary)
    assert replay(lake.raw, lake.truth / "landing_objects.csv", CUTOFF, early.raw) > 100
    incremental = build_warehouse(early, tmp_path)  # first run: builds the tables from what was visible

    # later: everything has landed; stage again and build incrementally with a short lookback window
    incremental.env["CONNECT_LAKE_RAW_PATH"] = str(lake.raw)
    run_dbt(["run-operation", "stage_raw_sources"], incremental.env, incremental.target)
    run_dbt(["build", "--vars", "{incremental_lookback_days: 2}"], incremental.env, incremental.target)

    connection = duckdb.connect()
    connection.execute(f"attach '{incremental.path}' as incremental (read_only)")
    connection.execute(f"attach '{warehouse.path}' as full_refresh (read_only)")
    for model in INCREMENTAL_MODELS:
        rows = connection.execute(f"select count(*) from full_refresh.main_marts.{model}").fetchone()[0]
        assert rows > 0
        for left, right in (("incremental", "full_refresh"), ("full_refresh", "incremental")):
            missing = connection.execute(
                f"select count(*) from (select * from {left}.main_marts.{model} "
                f"except select * from {right}.main_marts.{model})"
            ).fetchone()[0]
            assert missing == 0, f"{model}: {missing} rows of {left} not in {right}"
    # the re-deliveries that landed after the cut-off replaced what the first run had kept
    redelivered = connection.execute(
        "select count(*) from incremental.main_marts.fct_contacts where attributes_json like '%disposition%'"
    ).fetchone()[0]
    assert redelivered > 0
