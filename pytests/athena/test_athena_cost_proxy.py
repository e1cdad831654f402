"""What an hourly run costs on Athena, checked offline: the SQL of an incremental run reads every raw table
through literal predicates on its projected partition, and on the simulated lake that run scans what landed
in the hour, not the history.

The SQL is compiled for Athena as an incremental run would render it (var offline_incremental_state: the
newest landing hour already read); the bytes come from the simulated lake's objects and manifest
(connect_lake.landing.scan_estimate), printed as a table.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta

import pytest
import yaml

from connect_lake.landing.scan_estimate import estimate, report
from lakes import REPO, Lake, compile_for_athena

RUN_AT = datetime(2026, 11, 4, 15)  # an hourly run in the middle of the seed-7 lake's third day
BASE_MODELS = {
    "contact_records": "base_connect__contact_records",
    "agent_events": "base_connect__agent_events",
    "contact_flow_logs": "base_connect__contact_flow_logs",
    "customer_profiles": "base_connect__customer_profiles",
    "contact_lens_analysis_redacted": "base_connect__contact_lens_analyses",
}


def project_var(name: str):
    return yaml.safe_load((REPO / "dbt_project.yml").read_text())["vars"][name]


@pytest.fixture(scope="module")
def incremental_sql(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    newest = (RUN_AT - timedelta(hours=1)).strftime("%Y/%m/%d/%H")
    state = f"{{watermark: '2026-11-04 14:00:00', newest_landing_hour: '{newest}'}}"
    root = compile_for_athena(
        tmp_path_factory.mktemp("athena_incremental"), extra_vars=f"offline_incremental_state: {state}"
    )
    return {source: (root / f"staging/connect/base/{model}.sql").read_text() for source, model in BASE_MODELS.items()}


def test_every_raw_read_has_a_literal_predicate_on_the_projected_partition(incremental_sql: dict[str, str]) -> None:
    lookback = timedelta(days=project_var("incremental_lookback_days"))
    for source, sql in incremental_sql.items():
        hourly = source != "contact_lens_analysis_redacted"
        newest = RUN_AT - timedelta(hours=1)
        start = (newest - lookback).strftime("%Y/%m/%d/%H" if hourly else "%Y/%m/%d")
        read = rf'from (?:"\w+"\.)?"connect_raw"\."{source}" as lines\s+where\s+lines\._datehour >= \'{start}\''
        assert re.search(read, sql), source


def test_an_hourly_run_scans_what_landed_in_the_hour(lake: Lake) -> None:
    scans = estimate(
        lake.raw,
        lake.truth / "landing_objects.csv",
        RUN_AT,
        project_var("incremental_lookback_days"),
        project_var("max_literal_object_keys"),
    )
    print("\n" + report(scans))
    by_source = {s.source: s for s in scans}
    assert set(by_source) == set(BASE_MODELS)
    for source in ("contact_records", "agent_events", "contact_flow_logs", "customer_profiles"):
        scan = by_source[source]
        assert scan.prunes_by_key and 0 < scan.new_objects < scan.window_objects < scan.objects, source
        assert scan.scanned_share < scan.window_share < 1, source
