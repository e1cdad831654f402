"""Contact Lens marts against the simulator's truth and the landed files: the newest analysis of every
analysed contact, its sentiment and categories, and its transcript, redacted unless the var allows it."""

from __future__ import annotations

import shutil
from collections import defaultdict
from pathlib import Path

import orjson
import pytest

from lakes import Lake, Warehouse, data_test_statuses, run_dbt, truth_by_contact, ts


def documents(lake: Lake, redacted: bool) -> list[Path]:
    """Every analysis document the simulator landed (not the unreadable copies it injected beside them)."""
    pattern = "*/Redacted/*/*/*/*.json" if redacted else "*/[0-9]*/*/*/*.json"
    corrupt = lake.corrupt_objects()
    return [
        path
        for path in (lake.raw / "contact_lens" / "Analysis").glob(pattern)
        if str(path.relative_to(lake.raw)) not in corrupt
    ]


def newest_documents(lake: Lake, redacted: bool) -> dict[str, dict]:
    """The newest analysis document per contact, by the timestamp in the object name."""
    newest: dict[str, tuple[str, Path]] = {}
    for path in documents(lake, redacted):
        contact_id, stamp = path.name.split("_analysis_")
        if contact_id not in newest or stamp > newest[contact_id][0]:
            newest[contact_id] = (stamp, path)
    return {cid: orjson.loads(path.read_bytes()) for cid, (_, path) in newest.items()}


def test_every_analysed_contact_is_one_row_with_its_newest_sentiment(lake: Lake, warehouse: Warehouse) -> None:
    truth = truth_by_contact(lake, "contact_analysis.csv")
    rows = {
        r["contact_id"]: r
        for r in warehouse.dicts(
            "select contact_id, channel, analysed_at, customer_sentiment_overall, agent_sentiment_overall, "
            "customer_sentiment_begin, customer_sentiment_end, customer_sentiment_shift, has_contact_record "
            "from main_marts.fct_contact_analysis"
        )
    }
    assert set(rows) == set(truth) and {t["channel"] for t in truth.values()} == {"VOICE", "CHAT"}
    for cid, t in truth.items():
        row = rows[cid]
        assert row["channel"] == t["channel"]
        assert row["analysed_at"] == ts(t["analysed_at"]), cid
        assert row["customer_sentiment_overall"] == pytest.approx(float(t["customer_overall"]))
        assert row["agent_sentiment_overall"] == pytest.approx(float(t["agent_overall"]))
        assert row["customer_sentiment_begin"] == pytest.approx(float(t["customer_start"]))
        assert row["customer_sentiment_end"] == pytest.approx(float(t["customer_end"]))
        assert row["customer_sentiment_shift"] == pytest.approx(float(t["customer_end"]) - float(t["customer_start"]))
        assert row["has_contact_record"], cid


def test_a_contact_analysed_twice_keeps_the_newer_analysis(lake: Lake, warehouse: Warehouse) -> None:
    files = defaultdict(int)
    for path in documents(lake, redacted=True):
        files[path.name.split("_analysis_")[0]] += 1
    reanalysed = {cid for cid, n in files.items() if n > 1}
    assert reanalysed
    truth = truth_by_contact(lake, "contact_analysis.csv")
    categories = defaultdict(set)
    for cid, name in warehouse.query(
        "select contact_id, category_name from main_marts.bridge_contact_analysis_categories"
    ):
        categories[cid].add(name)
    # the re-run matched a category the first run did not have
    assert {cid: categories[cid] for cid in truth} == {cid: set(t["categories"].split("|")) for cid, t in truth.items()}
    assert all("QualityReview" in categories[cid] for cid in reanalysed)


def test_transcript_turns_are_the_redacted_items_in_order(lake: Lake, warehouse: Warehouse) -> None:
    documents = newest_documents(lake, redacted=True)
    turns = defaultdict(list)
    for cid, item_id, output, content in warehouse.query(
        "select contact_id, item_id, transcript_output, content from main_marts.fct_transcript_turns "
        "order by contact_id, turn_sequence"
    ):
        assert output == "Redacted"
        turns[cid].append((item_id, content))
    assert set(turns) == set(documents)
    for cid, document in documents.items():
        assert turns[cid] == [(item["Id"], item.get("Content")) for item in document["Transcript"]], cid
    assert any("[PII]" in (content or "") for items in turns.values() for _, content in items)


def test_sentiment_and_cross_source_tests_passed(warehouse: Warehouse) -> None:
    """Relationships to the contact records warn in production (an analysis can land first): here every
    analysis must belong to a known contact, and every score must lie in [-5, 5]."""
    checked = {uid: status for uid, status in data_test_statuses(warehouse).items() if "fct_contact_analysis" in uid}
    assert any("relationships_fct_contact_analysis_contact_id" in uid for uid in checked)
    assert sum("between_5_and_5" in uid for uid in checked) == 8
    assert set(checked.values()) == {"pass"}


def test_original_transcripts_only_when_the_var_allows(lake: Lake, warehouse: Warehouse, tmp_path: Path) -> None:
    copy = tmp_path / "warehouse.duckdb"
    shutil.copy(warehouse.path, copy)
    env = {**warehouse.env, "CONNECT_LAKE_DUCKDB_PATH": str(copy)}
    # switching the output read is a change of the base model's input: rebuild it and what it feeds
    run_dbt(
        [
            "run",
            "--full-refresh",
            "--select",
            "base_connect__contact_lens_analyses+",
            "--vars",
            "{allow_original_transcripts: true}",
        ],
        env,
        tmp_path / "target",
    )
    originals = Warehouse(copy, env, tmp_path / "target")
    outputs = {
        row[0] for row in originals.query("select distinct transcript_output from main_marts.fct_transcript_turns")
    }
    assert outputs == {"Raw"}
    documents = newest_documents(lake, redacted=False)
    contents = dict(
        originals.query(
            "select contact_id || '|' || item_id, content from main_marts.fct_transcript_turns "
            "where content is not null"
        )
    )
    expected = {
        f"{cid}|{item['Id']}": item["Content"]
        for cid, d in documents.items()
        for item in d["Transcript"]
        if "Content" in item
    }
    assert contents == expected
    assert not any("[PII]" in text for text in contents.values())
