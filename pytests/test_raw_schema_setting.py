"""The raw schema is one setting: however it is set, the raw relations are staged where source() reads them."""

from __future__ import annotations

from pathlib import Path

from lakes import Lake, Warehouse, dbt_env, run_dbt


def test_a_raw_schema_set_by_var_is_staged_and_read_in_the_same_schema(lake: Lake, tmp_path: Path) -> None:
    warehouse = Warehouse(tmp_path / "warehouse.duckdb", dbt_env(lake, tmp_path / "warehouse.duckdb"), tmp_path / "t")
    chosen = ["--vars", "{raw_schema: other_raw}"]
    run_dbt(["run-operation", "stage_raw_sources", *chosen], warehouse.env, warehouse.target)
    run_dbt(["run", "--select", "base_connect__customer_profiles", *chosen], warehouse.env, warehouse.target)

    staged = {row[0] for row in warehouse.query("select distinct table_schema from information_schema.tables")}
    assert "other_raw" in staged and "connect_raw" not in staged
    read = warehouse.query(
        "select count(distinct _source_file) from main_staging.base_connect__customer_profiles "
        "where _row_kind <> 'quarantined_object'"
    )
    assert read[0][0] == len(lake.objects("customer_profiles")) > 0
