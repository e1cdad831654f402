"""Semantic parity: the SQL dbt compiles for Athena, transpiled Trino -> DuckDB (sqlglot) and run over the
same staged data, gives the same rows as the DuckDB build of the same model.

This catches a macro whose athena__ branch means something else than its duckdb__ branch (an integer
division, a boundary-counting date difference, a timestamp parsed in the wrong zone). Constructs sqlglot cannot
carry over are listed in the README; the models below avoid them.
"""

from __future__ import annotations

import re

import duckdb
import pytest
import sqlglot

from lakes import REPO, Warehouse, compile_for_athena

ATHENA_TARGET = REPO / "target_athena_parity"
# Athena schema -> the schema the DuckDB build of the same layer lives in
SCHEMAS = {
    "connect_lake_staging": "main_staging",
    "connect_lake_intermediate": "main_intermediate",
    "connect_lake_marts": "main_marts",
    "connect_lake_reference": "main_reference",
    "connect_raw": "connect_raw",
}
# Every model but the base models, which read the landed objects themselves: on Athena a view of the lines
# over S3, on DuckDB the files (the relation of that name lists the objects there), so their Athena SQL has
# nothing to run on here. The Trino check executes them.
MODELS = (
    "staging/connect/stg_connect__contact_records",
    "staging/connect/stg_connect__agent_events",
    "staging/connect/stg_connect__agent_event_contacts",
    "staging/connect/stg_connect__contact_flow_logs",
    "staging/connect/stg_connect__contact_analyses",
    "staging/connect/stg_connect__contact_analysis_categories",
    "staging/connect/stg_connect__transcript_items",
    "staging/connect/stg_connect__customer_profile_events",
    "staging/connect/stg_connect__quarantine",
    "staging/connect/stg_connect__landing_accounting",
    "intermediate/contacts/int_contact_legs__classified",
    "intermediate/agents/int_agent_status_spans__sessionized",
    "intermediate/agents/int_agent_contact_state_spans__sequenced",
    "intermediate/agents/int_agent_activity_segments__swept",
    "intermediate/agents/int_agent_configuration_changes__detected",
    "marts/contact_center/fct_contacts",
    "marts/contact_center/fct_contact_journeys",
    "marts/contact_center/fct_queue_intervals",
    "marts/contact_center/fct_recordings",
    "marts/contact_center/dim_queues",
    "marts/contact_center/dim_routing_profiles",
    "marts/contact_center/dim_date",
    "marts/workforce/dim_agents",
    "marts/workforce/fct_agent_status_spans",
    "marts/workforce/fct_agent_intervals",
    "marts/ivr/fct_contact_flow_blocks",
    "marts/ivr/fct_ivr_paths",
    "marts/contact_lens/fct_contact_analysis",
    "marts/contact_lens/bridge_contact_analysis_categories",
    "marts/contact_lens/fct_transcript_turns",
    "marts/customers/dim_customers",
)


@pytest.fixture(scope="module")
def athena_sql(warehouse: Warehouse) -> dict[str, str]:
    # the same salt and settings the DuckDB build used
    settings = {k: v for k, v in warehouse.env.items() if k.startswith("CONNECT_LAKE_")}
    root = compile_for_athena(ATHENA_TARGET, settings)
    return {model: (root / f"{model}.sql").read_text() for model in MODELS}


def to_duckdb(sql: str) -> str:
    sql = re.sub(
        r'"awsdatacatalog"\."([a-z_]+)"\."([a-z_0-9]+)"', lambda m: f'{SCHEMAS[m.group(1)]}."{m.group(2)}"', sql
    )
    sql = re.sub(r'"connect_raw"\."([a-z_0-9]+)"', r'connect_raw."\1"', sql)
    duck = sqlglot.transpile(sql, read="athena", write="duckdb")[0]
    # Trino expands an unnested array of rows into one column per field; sqlglot keeps the syntax, which DuckDB
    # reads as one struct column, so spell out Trino's meaning in DuckDB's terms (with the element's position
    # for WITH ORDINALITY)
    duck = re.sub(
        r"CROSS JOIN UNNEST\(([\w.]+)\) WITH ORDINALITY AS (\w+)\(([^)]*)\)",
        r"CROSS JOIN LATERAL (SELECT UNNEST(\1, max_depth := 2), GENERATE_SUBSCRIPTS(\1, 1)) AS \2(\3)",
        duck,
    )
    return re.sub(
        r"CROSS JOIN UNNEST\(([\w.]+)\) AS (\w+)\(([^)]*)\)",
        r"CROSS JOIN LATERAL (SELECT UNNEST(\1, max_depth := 2)) AS \2(\3)",
        duck,
    )


@pytest.mark.parametrize("model", MODELS)
def test_athena_sql_gives_the_duckdb_rows(model: str, athena_sql: dict[str, str], warehouse: Warehouse) -> None:
    name = model.rsplit("/", 1)[1]
    schema = SCHEMAS["connect_lake_" + model.split("/")[0]]
    transpiled = to_duckdb(athena_sql[model])
    connection = duckdb.connect(str(warehouse.path), read_only=False)
    try:
        connection.execute("set TimeZone = 'UTC'")
        athena_rows = connection.execute(f"select count(*) from ({transpiled})").fetchone()[0]
        duckdb_rows = connection.execute(f'select count(*) from {schema}."{name}"').fetchone()[0]
        assert athena_rows == duckdb_rows > 0
        # doubles summed in another order differ in the last bits: compare them to the microsecond
        described = connection.execute(f'describe {schema}."{name}"').fetchall()
        # _ingested_at says when a run built the row (the compile's clock here), not what the row holds
        select_list = ", ".join(
            f'round("{column}", 6) as "{column}"' if kind in ("DOUBLE", "FLOAT") else f'"{column}"'
            for column, kind, *_ in described
            if column != "_ingested_at"
        )
        built = f'select {select_list} from {schema}."{name}"'
        rebuilt = f"select {select_list} from ({transpiled})"
        for left, right in ((rebuilt, built), (built, rebuilt)):
            differing = connection.execute(f"select count(*) from (({left}) except all ({right}))").fetchone()[0]
            assert differing == 0, f"{model}: {differing} rows differ"
    finally:
        connection.close()
