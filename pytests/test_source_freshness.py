"""`dbt source freshness` on the test lake: each feed's loaded-at is its newest landing hour, as the simulator's
manifest of landed objects says (a folder dated in the future, one of the injected faults, is not taken for
fresh data), and the vars' thresholds decide pass, warn and error."""

from __future__ import annotations

import json
import subprocess
from datetime import UTC, datetime

from lakes import BIN, REPO, Lake, Warehouse, read_csv

# Contact Lens and the configuration snapshots land under YYYY/MM/DD/ (no hour); the Firehose feeds under
# YYYY/MM/DD/HH/
PREFIXES = {
    "contact_records": "contact_records/",
    "agent_events": "agent_events/",
    "contact_flow_logs": "contact_flow_logs/",
    "customer_profiles": "customer_profiles/",
    "cloudwatch_metrics": "cloudwatch_metrics/",
    "lex_conversation_logs": "lex_conversation_logs/",
    # the trail's log files, under AWSLogs/<account>/CloudTrail/<region>/YYYY/MM/DD/
    "cloudtrail": "cloudtrail/",
    "contact_lens_analysis": "contact_lens/Analysis/",
    "contact_lens_analysis_redacted": "contact_lens/Analysis/",
    # the configuration snapshots, daily under YYYY/MM/DD/
    **{
        f"config_{resource}": f"connect_config/{resource}/"
        for resource in (
            "queues",
            "routing_profiles",
            "users",
            "user_hierarchy_structure",
            "hours_of_operation",
            "contact_flows",
        )
    },
}


def newest_landing_hours(lake: Lake, now: datetime) -> dict[str, datetime]:
    """Per source, the newest landing hour of the objects the simulator landed (unreadable ones included: they are
    listed all the same), ignoring a folder dated after today and keys outside the folder layout."""
    newest: dict[str, datetime] = {}
    for row in read_csv(lake.truth / "landing_objects.csv"):
        key = row["key"]
        for source, prefix in PREFIXES.items():
            if not key.startswith(prefix):
                continue
            redacted = "/Redacted/" in key
            if source.startswith("contact_lens") and redacted != source.endswith("redacted"):
                continue
            parts = key[len(prefix) :].split("/")
            parts = parts[1:] if source.startswith("contact_lens") else parts  # Voice or Chat
            parts = parts[1:] if redacted else parts
            parts = parts[4:] if source == "cloudtrail" else parts
            digits = [p for p in parts[:4] if p.isdigit()]
            if len(digits) < 3:
                continue
            hour = int(digits[3]) if len(digits) == 4 and len(digits[3]) == 2 else 0
            landed = datetime(int(digits[0]), int(digits[1]), int(digits[2]), hour, tzinfo=UTC)
            if landed.date() <= now.date():
                newest[source] = max(newest.get(source, landed), landed)
    return newest


def freshness(warehouse: Warehouse, vars_yaml: str | None = None) -> dict[str, dict]:
    command = [str(BIN / "dbt"), "source", "freshness", "--target-path", str(warehouse.target)]
    command += ["--vars", vars_yaml] if vars_yaml else []
    subprocess.run(command, cwd=REPO, env=warehouse.env, capture_output=True, text=True)
    results = json.loads((warehouse.target / "sources.json").read_text())["results"]
    return {r["unique_id"].rsplit(".", 1)[1]: r for r in results}


def test_loaded_at_is_the_newest_landing_hour_and_thresholds_decide(lake: Lake, warehouse: Warehouse) -> None:
    now = datetime.now(UTC)
    expected = newest_landing_hours(lake, now)
    assert set(expected) == set(PREFIXES)
    # with the project's thresholds the simulated days, weeks in the past, are stale
    results = freshness(warehouse)
    assert {s: r["status"] for s, r in results.items()} == dict.fromkeys(PREFIXES, "error")
    for source, result in results.items():
        assert datetime.fromisoformat(result["max_loaded_at"]) == expected[source], source
    # thresholds that the oldest feed's age passes and the newest's does not: a warning, not an error
    ages_h = sorted((now - landed).total_seconds() / 3600 for landed in expected.values())
    warn, error = int(ages_h[0]) - 1, int(ages_h[-1]) + 2
    results = freshness(
        warehouse, f"{{source_freshness_warn_after_hours: {warn}, source_freshness_error_after_hours: {error}}}"
    )
    assert {r["status"] for r in results.values()} == {"warn"}
