"""fct_contact_flow_blocks holds every flow-log entry the simulated instance logged, once, in order."""

from __future__ import annotations

from collections import defaultdict

from lakes import Lake, Warehouse, ts


def test_every_logged_block_is_one_row_in_log_order(lake: Lake, warehouse: Warehouse) -> None:
    logged = {(r["ContactId"], r["Identifier"], ts(r["Timestamp"])): r for r in lake.records("contact_flow_logs")}
    rows = warehouse.dicts(
        "select contact_id, block_identifier, logged_at, block_sequence, module_type, is_external_call_error "
        "from main_marts.fct_contact_flow_blocks"
    )
    assert len(rows) == len(logged) > 1000
    assert {(r["contact_id"], r["block_identifier"], r["logged_at"]) for r in rows} == set(logged)
    paths = defaultdict(list)
    for r in rows:
        paths[r["contact_id"]].append((r["block_sequence"], r["logged_at"]))
    for steps in paths.values():
        steps.sort()
        assert [s for s, _ in steps] == list(range(1, len(steps) + 1))
        assert [t for _, t in steps] == sorted(t for _, t in steps)
    errors = {(r["contact_id"], r["block_identifier"], r["logged_at"]) for r in rows if r["is_external_call_error"]}
    expected_errors = {
        key
        for key, r in logged.items()
        if r["ContactFlowModuleType"] == "InvokeExternalResource" and "Error" in (r.get("Results") or "")
    }
    assert errors == expected_errors and errors
