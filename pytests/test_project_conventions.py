"""The project's naming and documentation rules (dbt-bouncer.yml), checked by dbt-bouncer on the built warehouse's
artifacts, and shown to catch a column that breaks them."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from collections import Counter
from pathlib import Path

import pytest
import yaml

from lakes import BIN, REPO, run_dbt

BOUNCER = REPO / ".venv-bouncer" / "bin" / "dbt-bouncer"
# the values of the one Lake Formation tag key (README, Run on Athena)
LF_CLASSIFICATIONS = {"pii", "pseudonymized_pii", "confidential", "employee_personal"}


@pytest.fixture(scope="module")
def artifacts(docs_site: Path) -> Path:
    """manifest.json and catalog.json of the built warehouse."""
    assert BOUNCER.exists(), f"{BOUNCER} is missing: `make test` creates it from requirements-bouncer.txt"
    return docs_site


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


def test_every_mart_scores_well(artifacts: Path) -> None:
    """dbt-score's metadata rules ([tool.dbt-score] in pyproject.toml: the project and each mart's minimum)."""
    result = subprocess.run(
        [
            str(BIN / "dbt-score"),
            "lint",
            "--manifest",
            str(artifacts / "manifest.json"),
            "--select",
            "path:models/marts",
        ],
        cwd=REPO,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout[-4000:]
    assert "Project score" in result.stdout


def test_every_mart_column_is_documented(artifacts: Path) -> None:
    """dbt-coverage over the built catalog: every column the marts really have carries a description."""
    command = [str(BIN / "dbt-coverage"), "compute", "doc", "--run-artifacts-dir", str(artifacts)]
    result = subprocess.run(
        [*command, "--model-path-filter", "models/marts", "--cov-fail-under", "1.0"],
        cwd=REPO,
        capture_output=True,
        text=True,
        env={**os.environ, "COLUMNS": "200"},
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert re.search(r"Total\s+(\d+)/\1\s+100.0%", result.stdout), result.stdout[-2000:]


def test_every_mart_primary_key_is_tested(artifacts: Path) -> None:
    """Each mart's key (the column its unique test is on) also has a not_null test."""
    manifest = json.loads((artifacts / "manifest.json").read_text())
    tested: dict[str, dict[str, set[str]]] = {}
    for node in manifest["nodes"].values():
        if node["resource_type"] != "test" or not node.get("attached_node") or not node.get("column_name"):
            continue
        kind = node["test_metadata"]["name"] if node.get("test_metadata") else ""
        tested.setdefault(node["attached_node"], {}).setdefault(kind, set()).add(node["column_name"])
    marts = [
        uid
        for uid, node in manifest["nodes"].items()
        if node["resource_type"] == "model" and node["original_file_path"].startswith("models/marts/")
    ]
    missing = [
        uid
        for uid in marts
        if not tested.get(uid, {}).get("unique") or not tested[uid]["unique"] <= tested[uid].get("not_null", set())
    ]
    assert len(marts) >= 15 and not missing, missing


@pytest.fixture(scope="module")
def manifest(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """The project's manifest, parsed once for the checks below (no warehouse needed)."""
    root = tmp_path_factory.mktemp("parse")
    env = {**os.environ, "DBT_PROFILES_DIR": str(REPO), "CONNECT_LAKE_DUCKDB_PATH": str(root / "parse.duckdb")}
    run_dbt(["parse"], env, root / "target")
    return json.loads((root / "target" / "manifest.json").read_text())


def test_every_macro_is_documented(manifest: dict) -> None:
    """Each macro a model or another macro calls (not the engine bodies behind a dispatch) has a description in
    its folder's _<folder>__macros.yml, and every argument of its signature, no more, is described there."""
    problems = []
    for macro in manifest["macros"].values():
        if macro["package_name"] != "connect_lake" or "__" in macro["name"]:
            continue
        signature = re.search(r"\{%-?\s*(?:macro|test)\s+\w+\s*\(([^)]*)\)", macro["macro_sql"]).group(1)
        wanted = [part.split("=")[0].strip() for part in signature.split(",") if part.strip()]
        documented = [(a["name"], a.get("description") or "") for a in macro["arguments"]]
        folder = Path(macro["original_file_path"]).parent
        if not macro["description"].strip():
            problems.append(f"{macro['name']}: no description")
        if not macro["patch_path"] or Path(macro["patch_path"].split("://")[-1]).parent != folder:
            problems.append(f"{macro['name']}: not documented in its own folder's YAML ({folder})")
        if [name for name, _ in documented] != wanted:
            problems.append(f"{macro['name']}: arguments {wanted}, documented {[name for name, _ in documented]}")
        problems += [f"{macro['name']}.{name}: no description" for name, text in documented if not text.strip()]
    assert not problems, "\n".join(problems)


def test_lake_formation_tags_use_one_key(manifest: dict) -> None:
    """Every Lake Formation tag a column declares is data_classification, with one of the project's values."""
    tags = Counter(
        (key, value)
        for node in manifest["nodes"].values()
        for column in node.get("columns", {}).values()
        for key, value in (column.get("meta", {}).get("lf_tags") or {}).items()
    )
    assert tags, "no column declares a Lake Formation tag"
    assert {key for key, _ in tags} == {"data_classification"}, tags
    assert {value for _, value in tags} <= LF_CLASSIFICATIONS, tags
