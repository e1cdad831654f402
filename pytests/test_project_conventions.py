"""The project's naming and documentation rules (dbt-bouncer.yml), checked by dbt-bouncer on the built warehouse's
artifacts, and shown to catch a column that breaks them."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from conftest import REPO, Warehouse, run_dbt

BOUNCER = REPO / ".venv-bouncer" / "bin" / "dbt-bouncer"


@pytest.fixture(scope="module")
def artifacts(warehouse: Warehouse, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """manifest.json and catalog.json of the built warehouse, in a folder of their own."""
    assert BOUNCER.exists(), f"{BOUNCER} is missing: `make test` creates it from requirements-bouncer.txt"
    target = tmp_path_factory.mktemp("conventions")
    run_dbt(["docs", "generate"], warehouse.env, target)
    return target


def bounce(artifacts: Path, work: Path) -> subprocess.CompletedProcess:
    config = yaml.safe_load((REPO / "dbt-bouncer.yml").read_text())
    config["dbt_artifacts_dir"] = str(artifacts)
    path = work / "dbt-bouncer.yml"
    path.write_text(yaml.safe_dump(config))
    return subprocess.run(
        [str(BOUNCER), "run", "--config-file", str(path)],
        cwd=REPO,
        capture_output=True,
        text=True,
        env={"PATH": str(BOUNCER.parent), "COLUMNS": "200", "DO_NOT_TRACK": "1"},
    )


def test_project_follows_its_conventions(artifacts: Path, tmp_path: Path) -> None:
    result = bounce(artifacts, tmp_path)
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-2000:]
    assert "ERROR=0" in result.stdout


def test_conventions_catch_a_misnamed_column(artifacts: Path, tmp_path: Path) -> None:
    """The checker is not vacuous: a boolean named like a past-tense verb and a timestamp without _at fail it."""
    broken = tmp_path / "artifacts"
    shutil.copytree(artifacts, broken)
    catalog = json.loads((broken / "catalog.json").read_text())
    columns = catalog["nodes"]["model.connect_lake.fct_contact_journeys"]["columns"]
    columns["was_queued"] = {**columns.pop("is_queued"), "name": "was_queued"}
    columns["ended"] = {**columns.pop("ended_at"), "name": "ended"}
    (broken / "catalog.json").write_text(json.dumps(catalog))
    result = bounce(broken, tmp_path)
    assert result.returncode != 0
    assert "check_column_type_complies_to_column_name" in result.stdout
    assert "fct_contact_journeys" in result.stdout
