"""dbt-athena's real materializations, run against a mocked AWS (moto: Glue, S3, Athena, STS).

moto records the SQL Athena is sent but does not execute it, so nothing here proves the SQL runs; the
compile and parse gates and the semantic-parity test cover that side. What this proves: every model goes
through dbt-athena's own materialization code and is created with the table type, format, partitioning,
location naming and merge strategy intended for production, and the raw tables are created with partition
projection; and the Lake Formation tags declared in column meta reach dbt-athena's add_lf_tags.

Two adapter calls are stubbed, each because moto cannot back it: expiring Glue table versions and persisting
docs to Glue (both need the table the unexecuted CTAS would have created). add_lf_tags is replaced by a
recorder, so the test sees which tags dbt-athena would apply to which columns.
"""

from __future__ import annotations

import json
import re

import boto3
import pytest
import sqlfluff
import yaml

from lakes import REPO

moto = pytest.importorskip("moto")

GLUE_DATABASES = (
    "connect_raw",
    "connect_lake",
    "connect_lake_staging",
    "connect_lake_intermediate",
    "connect_lake_marts",
    "connect_lake_reference",
)


@pytest.fixture(scope="module")
def mocked_run(tmp_path_factory: pytest.TempPathFactory) -> dict:
    from dbt.adapters.athena.impl import AthenaAdapter
    from dbt.cli.main import dbtRunner

    target = tmp_path_factory.mktemp("athena_mock_target")
    env = {
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
        "AWS_SESSION_TOKEN": "testing",
        "AWS_DEFAULT_REGION": "us-east-1",
        "AWS_REGION": "us-east-1",
        "CONNECT_LAKE_TARGET": "athena",
        "CONNECT_LAKE_ATHENA_S3_STAGING_DIR": "s3://connect-lake-athena-results/",
        "CONNECT_LAKE_ATHENA_S3_DATA_DIR": "s3://connect-lake-warehouse/",
        "CONNECT_LAKE_RAW_S3_URI": "s3://connect-lake-raw",
        "DBT_SEND_ANONYMOUS_USAGE_STATS": "false",
    }
    patch = pytest.MonkeyPatch()
    for key, value in env.items():
        patch.setenv(key, value)
    tags: list[tuple[str, dict]] = []
    patch.setattr(AthenaAdapter, "expire_glue_table_versions", lambda self, *a, **k: [])
    patch.setattr(AthenaAdapter, "persist_docs_to_glue", lambda self, *a, **k: None)
    patch.setattr(
        AthenaAdapter, "add_lf_tags", lambda self, relation, config: tags.append((relation.identifier, config))
    )
    try:
        with moto.mock_aws():
            glue = boto3.client("glue")
            for name in GLUE_DATABASES:
                glue.create_database(DatabaseInput={"Name": name})
            s3 = boto3.client("s3")
            for bucket in ("connect-lake-athena-results", "connect-lake-warehouse", "connect-lake-raw"):
                s3.create_bucket(Bucket=bucket)
            athena = boto3.client("athena")
            athena.create_work_group(
                Name="connect_lake",
                Configuration={
                    "ResultConfiguration": {"OutputLocation": "s3://connect-lake-athena-results/"},
                    "EnforceWorkGroupConfiguration": False,
                    "EngineVersion": {"SelectedEngineVersion": "Athena engine version 3"},
                    "BytesScannedCutoffPerQuery": 10 * 1024**3,
                },
            )
            common = [
                "--target",
                "athena",
                "--project-dir",
                str(REPO),
                "--profiles-dir",
                str(REPO),
                "--target-path",
                str(target),
            ]
            staged = dbtRunner().invoke(["run-operation", "stage_raw_sources", *common])
            assert staged.success, staged.exception
            # moto records stage_raw_sources' DDL without running it: the raw relations it creates are put in
            # the Glue catalog here, so the run finds the landing zone staged
            for name in raw_source_names():
                glue.create_table(DatabaseName="connect_raw", TableInput={"Name": name, "TableType": "VIRTUAL_VIEW"})
            built = dbtRunner().invoke(["run", "--exclude", "resource_type:seed", *common])
            queries = []
            paginator = athena.get_paginator("list_query_executions")
            for page in paginator.paginate(WorkGroup="connect_lake"):
                for query_id in page["QueryExecutionIds"]:
                    queries.append(athena.get_query_execution(QueryExecutionId=query_id)["QueryExecution"]["Query"])
    finally:
        patch.undo()
    manifest = json.loads((target / "manifest.json").read_text())
    return {"success": built.success, "result": built, "queries": queries, "tags": tags, "manifest": manifest}


def raw_source_names() -> list[str]:
    """The raw sources the sources YAML declares (the relations stage_raw_sources creates)."""
    declared = yaml.safe_load((REPO / "models/staging/connect/_connect__sources.yml").read_text())
    return [table["name"] for source in declared["sources"] for table in source["tables"]]


def statement_for(queries: list[str], pattern: str) -> str:
    found = [q for q in queries if re.search(pattern, q, re.IGNORECASE | re.DOTALL)]
    assert found, f"no statement matches {pattern}"
    return found[-1]


def test_every_model_runs_through_dbt_athena(mocked_run: dict) -> None:
    assert mocked_run["success"], mocked_run["result"].exception


def test_marts_are_iceberg_parquet_partitioned_in_unique_locations(mocked_run: dict) -> None:
    for model, partition in (
        ("fct_contacts", "contact_date"),
        ("fct_contact_journeys", "journey_date"),
        ("fct_queue_intervals", "month(interval_date)"),
        ("fct_agent_intervals", "month(interval_date)"),
    ):
        ddl = statement_for(mocked_run["queries"], rf'create table\s+"awsdatacatalog"\."connect_lake_marts"\."{model}"')
        assert "table_type='iceberg'" in ddl.replace(" ", "")
        assert "format='parquet'" in ddl.replace(" ", "")
        assert f"partitioning=ARRAY['{partition}']" in ddl.replace(" ", "")
        location = re.search(r"location='([^']+)'", ddl.replace(" ", "")).group(1)
        # schema_table_unique naming: a fresh prefix per build, never a shared one
        assert re.fullmatch(rf"s3://connect-lake-warehouse/connect_lake_marts/{model}/[0-9a-f-]{{36}}/?", location)


def test_full_rebuild_event_facts_are_partitioned_by_month(mocked_run: dict) -> None:
    for model, partition in (("fct_transcript_turns", "contact_date"), ("fct_contact_flow_blocks", "logged_date")):
        ddl = statement_for(mocked_run["queries"], rf'create table\s+"awsdatacatalog"\."connect_lake_marts"\."{model}"')
        assert "table_type='iceberg'" in ddl.replace(" ", "")
        assert f"partitioning=ARRAY['month({partition})']" in ddl.replace(" ", "")


def test_incremental_staging_models_are_iceberg_tables(mocked_run: dict) -> None:
    """Merge and delete need Iceberg: every base and staging table the incremental runs write to is one."""
    for model in (
        "base_connect__contact_records",
        "base_connect__contact_lens_analyses",
        "stg_connect__contact_records",
        "stg_connect__quarantine",
        "stg_connect__landing_accounting",
    ):
        ddl = statement_for(
            mocked_run["queries"], rf'create table\s+"awsdatacatalog"\."connect_lake_staging"\."{model}"'
        )
        assert "table_type='iceberg'" in ddl.replace(" ", ""), model
    for model in ("int_agent_status_spans__sessionized", "int_agent_activity_segments__swept"):
        ddl = statement_for(
            mocked_run["queries"], rf'create table\s+"awsdatacatalog"\."connect_lake_intermediate"\."{model}"'
        )
        assert "table_type='iceberg'" in ddl.replace(" ", ""), model


def test_contact_legs_are_a_view(mocked_run: dict) -> None:
    statement_for(
        mocked_run["queries"],
        r'create or replace view\s+"awsdatacatalog"\."connect_lake_intermediate"\."int_contact_legs__classified"',
    )


def test_base_models_read_the_landed_lines_with_literal_partition_predicates(mocked_run: dict) -> None:
    ddl = statement_for(
        mocked_run["queries"], r'create table\s+"awsdatacatalog"\."connect_lake_staging"\."base_connect__agent_events"'
    )
    assert '"connect_raw"."agent_events" as lines' in ddl
    assert "lines._datehour >= '0000/00/00/00'" in ddl


def test_raw_tables_use_partition_projection(mocked_run: dict) -> None:
    ddl = statement_for(
        mocked_run["queries"], r"create external table if not exists `connect_raw`\.`contact_records__text`"
    )
    assert "'projection.datehour.format' = 'yyyy/MM/dd/HH'" in ddl
    assert "s3://connect-lake-raw/contact_records/${datehour}/" in ddl


def test_lake_formation_tags_declared_in_column_meta_are_applied(mocked_run: dict) -> None:
    tagged = {name: config for name, config in mocked_run["tags"]}
    assert tagged["fct_contacts"]["tags_columns"]["data_classification"]["pseudonymized_pii"] == ["customer_key"]
    assert (
        "customer_key"
        in tagged["stg_connect__contact_records"]["tags_columns"]["data_classification"]["pseudonymized_pii"]
    )


def test_each_relation_records_its_definition_on_athena(mocked_run: dict) -> None:
    """The change-safety record on Athena: the run creates <schema>_meta.model_definitions once, an Iceberg
    table at its own S3 prefix, in HiveQL Athena parses, and every model it builds records its definition there."""
    queries = mocked_run["queries"]
    ddl = statement_for(queries, r"create table if not exists `connect_lake_meta`\.`model_definitions`")
    assert "'table_type' = 'ICEBERG'" in ddl
    assert "location 's3://connect-lake-warehouse/connect_lake_meta/model_definitions/'" in ddl
    sqlfluff.parse(ddl, dialect="athena")
    recorded = {
        match.group(1)
        for query in queries
        if (match := re.search(r"insert into .*model_definitions.*values \('([a-z_.]+)'", query, re.DOTALL))
    }
    models = {
        f"connect_lake_{node['config']['schema']}.{node['name']}"
        for node in mocked_run["manifest"]["nodes"].values()
        if node["resource_type"] == "model"
    }
    assert recorded == models
