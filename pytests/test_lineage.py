"""The lineage dbt records is the lineage the SQL has: every model depends on exactly the relations its compiled
SQL reads (no macro adds an edge the SQL does not use, none reads a relation it does not declare), so dbt's
selection (`+model`, `source:...+`), impact analysis and the docs' lineage show what really feeds what.

What a model reads is taken from its compiled SQL, both ways it compiles: as the first build compiled it and
as a run against the built warehouse (incremental) does. A base model
reads its source through the relations staging derives from it (`<source>__unread`, `__listed`)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from lakes import Warehouse, run_dbt


@pytest.fixture(scope="module")
def manifests(warehouse: Warehouse, docs_site: Path) -> tuple[dict, dict]:
    """Every model compiled as a first build compiles it (the session build's manifest) and as an incremental
    run does (`dbt docs generate` compiles every model against the built warehouse)."""
    first = json.loads((warehouse.target / "build_manifest.json").read_text())
    return first, json.loads((docs_site / "manifest.json").read_text())


def relation_pattern(node: dict) -> re.Pattern[str]:
    """A relation's name as compiled SQL spells it; for a source, also the relations staging derives from it."""
    schema, identifier = node["schema"], node.get("identifier") or node.get("alias") or node["name"]
    suffix = r"(__[a-z]+)?" if node["resource_type"] == "source" else ""
    return re.compile(rf'"{re.escape(schema)}"\."{re.escape(identifier)}{suffix}"', re.IGNORECASE)


def sql_reads(manifests: tuple[dict, dict]) -> dict[str, set[str]]:
    """Per model, the models, seeds and sources whose relations its compiled SQL names."""
    first, incremental = manifests
    relations = {
        unique_id: relation_pattern(node)
        for unique_id, node in {**first["nodes"], **first["sources"]}.items()
        if node["resource_type"] in ("model", "seed", "source")
    }
    reads = {}
    for unique_id, node in first["nodes"].items():
        if node["resource_type"] != "model":
            continue
        sql = node["compiled_code"] + "\n" + incremental["nodes"][unique_id]["compiled_code"]
        reads[unique_id] = {other for other, pattern in relations.items() if other != unique_id and pattern.search(sql)}
    return reads


def ancestors(edges: dict[str, set[str]], start: str) -> set[str]:
    found, stack = set(), [start]
    while stack:
        for parent in edges.get(stack.pop(), set()):
            if parent not in found:
                found.add(parent)
                stack.append(parent)
    return found


def test_every_model_depends_on_exactly_what_its_sql_reads(manifests: tuple[dict, dict]) -> None:
    first, _ = manifests
    reads = sql_reads(manifests)
    assert len(reads) >= 60
    wrong = {
        first["nodes"][unique_id]["name"]: {
            "declared, not read": sorted(set(first["nodes"][unique_id]["depends_on"]["nodes"]) - read),
            "read, not declared": sorted(read - set(first["nodes"][unique_id]["depends_on"]["nodes"])),
        }
        for unique_id, read in reads.items()
        if set(first["nodes"][unique_id]["depends_on"]["nodes"]) != read
    }
    assert wrong == {}


def test_queue_intervals_reads_only_contacts_queues_completeness_and_their_ancestors(
    manifests: tuple[dict, dict],
) -> None:
    reads = sql_reads(manifests)
    target = "model.connect_lake.fct_queue_intervals"
    assert reads[target] == {
        "model.connect_lake.fct_contacts",
        "model.connect_lake.dim_queues",
        "model.connect_lake.fct_data_completeness",
    }
    upstream = ancestors(reads, target)
    for unrelated in (
        "source.connect_lake.connect.customer_profiles",
        "source.connect_lake.connect.contact_flow_logs",
        "source.connect_lake.connect.contact_lens_analysis_redacted",
        "model.connect_lake.base_connect__customer_profiles",
    ):
        assert unrelated not in upstream


def test_selection_follows_the_sql(warehouse: Warehouse, tmp_path: Path) -> None:
    listed = run_dbt(
        ["ls", "-s", "source:connect.customer_profiles+", "--resource-type", "model", "--output", "name", "-q"],
        warehouse.env,
        tmp_path,
    ).stdout.split()
    assert "dim_customers" in listed
    assert "fct_queue_intervals" not in listed and "fct_contacts" not in listed
    upstream = run_dbt(
        ["ls", "-s", "+fct_queue_intervals", "--resource-type", "model", "--output", "name", "-q"],
        warehouse.env,
        tmp_path,
    ).stdout.split()
    assert "fct_contacts" in upstream and "base_connect__contact_records" in upstream
    assert not {"base_connect__customer_profiles", "base_connect__contact_flow_logs"} & set(upstream)
