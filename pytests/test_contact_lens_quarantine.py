"""A Contact Lens document that is not an analysis never stops the build: it is listed in the quarantine and
every other document is read. Checked on a scratch landing zone holding two real documents and two bad ones."""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import Lake, Warehouse, dbt_env, run_dbt

DAY = Path("contact_lens/Analysis/Voice/Redacted/2026/11/03")


def test_a_broken_analysis_document_is_quarantined(lake: Lake, tmp_path: Path) -> None:
    documents = sorted((lake.raw / "contact_lens" / "Analysis" / "Voice" / "Redacted").rglob("*.json"))[:2]
    scratch = Lake(tmp_path, lake.summary)
    folder = scratch.raw / DAY
    folder.mkdir(parents=True)
    for document in documents:
        shutil.copy(document, folder / document.name)
    broken = folder / "0badc0de-0000-4000-8000-000000000001_analysis_redacted_2026-11-03T10:00:00Z.json"
    broken.write_text(documents[0].read_text()[:300])  # an interrupted copy
    keyless = folder / "0badc0de-0000-4000-8000-000000000002_analysis_redacted_2026-11-03T10:00:00Z.json"
    keyless.write_text('{"Version": "VOICE-2022-11-30", "Channel": "VOICE", "JobStatus": "COMPLETED"}')

    warehouse = Warehouse(tmp_path / "scratch.duckdb", dbt_env(scratch, tmp_path / "scratch.duckdb"), tmp_path / "t")
    run_dbt(["run-operation", "stage_raw_sources"], warehouse.env, warehouse.target)
    run_dbt(
        ["run", "--select", "base_connect__contact_lens_analyses", "stg_connect__rejected_lines"],
        warehouse.env,
        warehouse.target,
    )
    rejected = {
        Path(path).name: reason
        for path, reason in warehouse.query(
            "select source_file, reject_reason from main_staging.stg_connect__rejected_lines "
            "where raw_source = 'contact_lens_analysis_redacted'"
        )
    }
    assert rejected == {broken.name: "invalid_json", keyless.name: "missing_record_key"}
    read = {
        row[0] for row in warehouse.query("select contact_id from main_staging.base_connect__contact_lens_analyses")
    }
    assert read == {document.name.split("_analysis_")[0] for document in documents}
