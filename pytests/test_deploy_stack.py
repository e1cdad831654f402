"""The deployable stack (deploy/cloudformation/connect-lake.yaml): cfn-lint clean; created in moto's CloudFormation,
which builds what it supports (buckets, keys, streams, roles, log groups) and is checked there; the rest (Firehose,
Glue, Athena, bucket policies, the subscription) checked in the template against what the dbt sources expect; and
the dbt role's policy held equal to deploy/athena/dbt-iam-policy.json."""

from __future__ import annotations

import json
import re
import subprocess

import boto3
import pytest
import yaml
from moto import mock_aws

from lakes import BIN, REPO

TEMPLATE = REPO / "deploy" / "cloudformation" / "connect-lake.yaml"
POLICY = REPO / "deploy" / "athena" / "dbt-iam-policy.json"
# the policy file's placeholders -> the template's Fn::Sub variables
PLACEHOLDERS = {
    "Region": "AWS::Region",
    "AccountId": "AWS::AccountId",
    "RawBucket": "RawBucket",
    "ResultsBucket": "ResultsBucket",
    "DbtBucket": "WarehouseBucket",
    "LakeKeyArn": "LakeKey.Arn",
}
PARAMETERS = {
    "ConnectInstanceAlias": "acme-care",
    "BucketNamePrefix": "acme-care-lake",
    "RawTieringAfterDays": "45",
    "RawArchiveAfterDays": "400",
    "DbtPrincipalArn": "arn:aws:iam::123456789012:role/ci",
    "RecordingsBucketName": "amazon-connect-7c4b1f0e-3d2",
}


class CloudFormationLoader(yaml.SafeLoader):
    """YAML with CloudFormation's short forms (!Ref, !Sub, !GetAtt) read as their long forms."""


def _short_form(name: str):
    def construct(loader: yaml.SafeLoader, node: yaml.Node):
        if isinstance(node, yaml.ScalarNode):
            value = loader.construct_scalar(node)
            # !GetAtt Resource.Attribute is ["Resource", "Attribute"] in the long form
            return {name: value.split(".", 1) if name == "Fn::GetAtt" else value}
        return {name: loader.construct_sequence(node, deep=True)}

    return construct


for tag, name in (("!Ref", "Ref"), ("!Sub", "Fn::Sub"), ("!GetAtt", "Fn::GetAtt")):
    CloudFormationLoader.add_constructor(tag, _short_form(name))


@pytest.fixture(scope="module")
def template() -> dict:
    return yaml.load(TEMPLATE.read_text(), Loader=CloudFormationLoader)


def resources(template: dict, kind: str) -> dict[str, dict]:
    return {name: r["Properties"] for name, r in template["Resources"].items() if r["Type"] == kind}


def test_cfn_lint_is_clean() -> None:
    result = subprocess.run([str(BIN / "cfn-lint"), str(TEMPLATE)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_dbt_role_has_exactly_the_least_privilege_policy(template: dict) -> None:
    def as_template(value):
        if isinstance(value, list):
            return [as_template(v) for v in value]
        if "${" not in value:
            return value
        return {"Fn::Sub": re.sub(r"\$\{(\w+)\}", lambda m: "${" + PLACEHOLDERS[m.group(1)] + "}", value)}

    expected = [
        {**s, "Action": s["Action"], "Resource": as_template(s["Resource"])}
        for s in json.loads(POLICY.read_text())["Statement"]
    ]
    [policy] = resources(template, "AWS::IAM::ManagedPolicy").values()
    assert policy["PolicyDocument"]["Statement"] == expected


def test_every_delivery_stream_lands_where_its_source_reads(template: dict) -> None:
    sources = yaml.safe_load((REPO / "models/staging/connect/_connect__sources.yml").read_text())
    # the sources Firehose writes: line objects under hourly folders (the configuration snapshots are daily,
    # written by snapshot-config)
    firehose_prefixes = {
        t["meta"]["landing"]["prefix"]
        for t in sources["sources"][0]["tables"]
        if t["meta"]["landing"]["object_format"] == "lines"
        and t["meta"]["landing"]["athena_projection_format"].endswith("HH")
    }
    streams = resources(template, "AWS::KinesisFirehose::DeliveryStream")
    prefixes = set()
    for stream in streams.values():
        s3 = stream["ExtendedS3DestinationConfiguration"]
        prefix, hour = s3["Prefix"].split("/!{", 1)
        prefixes.add(prefix)
        assert hour == "timestamp:yyyy/MM/dd/HH}/", "the hourly folders the sources' object_key_regex expects"
        assert s3["CompressionFormat"] == "GZIP"
        assert s3["ErrorOutputPrefix"].startswith("errors/"), "failed records stay out of the sources' folders"
        if prefix == "cloudwatch_metrics":
            # a metric stream's JSON output holds one datapoint per line already
            assert "ProcessingConfiguration" not in s3
        else:
            assert s3["ProcessingConfiguration"]["Processors"][-1]["Type"] == "AppendDelimiterToRecord"
        assert s3["EncryptionConfiguration"]["KMSEncryptionConfig"]["AWSKMSKeyARN"] == {
            "Fn::GetAtt": ["LakeKey", "Arn"]
        }
    assert prefixes == firehose_prefixes
    assert prefixes == {
        "contact_records",
        "agent_events",
        "contact_flow_logs",
        "customer_profiles",
        "cloudwatch_metrics",
        "lex_conversation_logs",
    }
    agent_events = streams["AgentEventsDelivery"]["KinesisStreamSourceConfiguration"]["KinesisStreamARN"]
    assert agent_events == {"Fn::GetAtt": ["AgentEventStream", "Arn"]}
    subscriptions = resources(template, "AWS::Logs::SubscriptionFilter")
    assert subscriptions["ContactFlowLogsSubscription"]["DestinationArn"] == {
        "Fn::GetAtt": ["ContactFlowLogsDelivery", "Arn"]
    }
    lex = subscriptions["LexConversationLogsSubscription"]
    assert (lex["LogGroupName"], lex["DestinationArn"]) == (
        {"Ref": "LexConversationLogGroup"},
        {"Fn::GetAtt": ["LexConversationLogsDelivery", "Arn"]},
    )
    # the envelopes stay whole (the source reads their logEvents): decompressed, no message extraction
    lex_delivery = streams["LexConversationLogsDelivery"]["ExtendedS3DestinationConfiguration"]
    assert [p["Type"] for p in lex_delivery["ProcessingConfiguration"]["Processors"]] == [
        "Decompression",
        "AppendDelimiterToRecord",
    ]
    [metric_stream] = resources(template, "AWS::CloudWatch::MetricStream").values()
    assert metric_stream["FirehoseArn"] == {"Fn::GetAtt": ["CloudWatchMetricsDelivery", "Arn"]}
    assert (metric_stream["OutputFormat"], metric_stream["IncludeFilters"]) == ("json", [{"Namespace": "AWS/Connect"}])


def test_the_trail_lands_where_the_cloudtrail_source_reads(template: dict) -> None:
    """The trail writes under the prefix the source lists (CloudTrail appends AWSLogs/<account>/CloudTrail/...),
    records the account's management events and the recordings bucket's object events, and may write there."""
    sources = yaml.safe_load((REPO / "models/staging/connect/_connect__sources.yml").read_text())
    [cloudtrail] = [t for t in sources["sources"][0]["tables"] if t["name"] == "cloudtrail"]
    [trail] = resources(template, "AWS::CloudTrail::Trail").values()
    assert trail["S3BucketName"] == {"Ref": "RawBucket"}
    assert trail["S3KeyPrefix"] + "/AWSLogs" == cloudtrail["meta"]["landing"]["prefix"]
    assert trail["KMSKeyId"] == {"Fn::GetAtt": ["LakeKey", "Arn"]} and trail["EnableLogFileValidation"] is True
    selectors = {
        field["Field"]: field.get("Equals", field.get("StartsWith"))
        for selector in trail["AdvancedEventSelectors"]
        for field in selector["FieldSelectors"]
        if selector["Name"].startswith("Reads and deletes")
    }
    assert selectors == {
        "eventCategory": ["Data"],
        "resources.type": ["AWS::S3::Object"],
        "resources.ARN": [{"Fn::Sub": "arn:${AWS::Partition}:s3:::${RecordingsBucketName}/"}],
    }
    assert any(
        field == {"Field": "eventCategory", "Equals": ["Management"]}
        for selector in trail["AdvancedEventSelectors"]
        for field in selector["FieldSelectors"]
    )
    raw_policy = resources(template, "AWS::S3::BucketPolicy")["RawBucketPolicy"]["PolicyDocument"]["Statement"]
    [writes] = [s for s in raw_policy if s.get("Sid") == "CloudTrailWritesLogFiles"]
    assert (writes["Principal"], writes["Action"]) == ({"Service": "cloudtrail.amazonaws.com"}, "s3:PutObject")
    assert writes["Resource"] == {"Fn::Sub": "${RawBucket.Arn}/cloudtrail/AWSLogs/${AWS::AccountId}/*"}


def test_every_bucket_refuses_plain_http_and_athena_is_bounded(template: dict) -> None:
    buckets = set(resources(template, "AWS::S3::Bucket"))
    policies = resources(template, "AWS::S3::BucketPolicy").values()
    tls_only = {
        p["Bucket"]["Ref"]
        for p in policies
        for s in p["PolicyDocument"]["Statement"]
        if s["Effect"] == "Deny" and s["Condition"] == {"Bool": {"aws:SecureTransport": "false"}}
    }
    assert tls_only == buckets == {"RawBucket", "ResultsBucket", "WarehouseBucket"}
    # moto's CloudFormation applies neither a public access block nor a lifecycle, so they are checked here
    for bucket in resources(template, "AWS::S3::Bucket").values():
        block = bucket["PublicAccessBlockConfiguration"]
        assert set(block) == {"BlockPublicAcls", "BlockPublicPolicy", "IgnorePublicAcls", "RestrictPublicBuckets"}
        assert all(value is True for value in block.values())
    raw = resources(template, "AWS::S3::Bucket")["RawBucket"]
    rules = {r["Id"]: r for r in raw["LifecycleConfiguration"]["Rules"]}
    transitions = {
        t["StorageClass"]: t["TransitionInDays"] for t in rules["RawToIntelligentTieringThenDeepArchive"]["Transitions"]
    }
    assert transitions == {
        "INTELLIGENT_TIERING": {"Ref": "RawTieringAfterDays"},
        "DEEP_ARCHIVE": {"Ref": "RawArchiveAfterDays"},
    }
    assert raw["VersioningConfiguration"] == {"Status": "Enabled"}
    dbt_role = resources(template, "AWS::IAM::Role")["DbtRole"]
    assert dbt_role["ManagedPolicyArns"] == [{"Ref": "DbtPolicy"}]
    [workgroup] = resources(template, "AWS::Athena::WorkGroup").values()
    configuration = workgroup["WorkGroupConfiguration"]
    assert workgroup["Name"] == "connect_lake", "the workgroup the dbt policy allows"
    assert configuration["EnforceWorkGroupConfiguration"] is True
    assert configuration["EngineVersion"]["SelectedEngineVersion"] == "Athena engine version 3"
    assert configuration["BytesScannedCutoffPerQuery"] == {"Ref": "BytesScannedCutoffPerQuery"}
    names = {d["DatabaseInput"]["Name"] for d in resources(template, "AWS::Glue::Database").values()}
    assert names == {"connect_raw", "connect_lake"}


# what moto's CloudFormation builds; the other resources are checked in the template above
MOTO_TYPES = {"AWS::KMS::Key", "AWS::KMS::Alias", "AWS::S3::Bucket", "AWS::Kinesis::Stream", "AWS::IAM::Role"}
MOTO_TYPES |= {"AWS::IAM::ManagedPolicy", "AWS::Logs::LogGroup"}


def moto_template(template: dict) -> dict:
    """The template less what moto cannot build and whatever refers to that."""
    kept = {name: r for name, r in template["Resources"].items() if r["Type"] in MOTO_TYPES}
    while True:
        dropped = set(template["Resources"]) - set(kept)
        refers = {
            name
            for name, r in kept.items()
            if any(re.search(rf'"Ref": "{d}"|"Fn::GetAtt": \["{d}"|\$\{{{d}[.}}]', json.dumps(r)) for d in dropped)
        }
        if not refers:
            return {**template, "Resources": kept}
        kept = {name: r for name, r in kept.items() if name not in refers}


@mock_aws
def test_the_stack_creates_in_moto(template: dict) -> None:
    region = "us-east-1"
    cloudformation = boto3.client("cloudformation", region_name=region)
    buildable = moto_template(template)
    assert {"RawBucket", "ResultsBucket", "WarehouseBucket", "LakeKey", "AgentEventStream", "DbtRole"} <= set(
        buildable["Resources"]
    )
    cloudformation.create_stack(
        StackName="connect-lake",
        TemplateBody=json.dumps(buildable),
        Parameters=[{"ParameterKey": k, "ParameterValue": v} for k, v in PARAMETERS.items()],
        Capabilities=["CAPABILITY_IAM"],
    )
    stack = cloudformation.describe_stacks(StackName="connect-lake")["Stacks"][0]
    assert stack["StackStatus"] == "CREATE_COMPLETE"

    s3 = boto3.client("s3", region_name=region)
    prefix = PARAMETERS["BucketNamePrefix"]
    names = {b["Name"] for b in s3.list_buckets()["Buckets"]}
    assert names == {f"{prefix}-raw", f"{prefix}-athena-results", f"{prefix}-warehouse"}
    key_arn = boto3.client("kms", region_name=region).list_keys()["Keys"][0]["KeyArn"]
    for name in names:
        [rule] = s3.get_bucket_encryption(Bucket=name)["ServerSideEncryptionConfiguration"]["Rules"]
        assert rule["ApplyServerSideEncryptionByDefault"]["SSEAlgorithm"] == "aws:kms"
        assert rule["ApplyServerSideEncryptionByDefault"]["KMSMasterKeyID"] == key_arn
    kinesis = boto3.client("kinesis", region_name=region)
    assert set(kinesis.list_streams()["StreamNames"]) == {"acme-care-agent-events", "acme-care-customer-profiles"}
    iam = boto3.client("iam", region_name=region)
    assert any("DbtRole" in r["RoleName"] for r in iam.list_roles()["Roles"])
    # moto does not attach a role's ManagedPolicyArns (the template's attachment is checked above): the policy
    [policy] = iam.list_policies(Scope="Local")["Policies"]
    document = iam.get_policy_version(PolicyArn=policy["Arn"], VersionId=policy["DefaultVersionId"])["PolicyVersion"]
    rendered = document["Document"]
    rendered = json.loads(rendered) if isinstance(rendered, str) else rendered
    # the policy file with its placeholders filled in as the stack fills them
    values = {
        "Region": region,
        "AccountId": "123456789012",
        "RawBucket": f"{prefix}-raw",
        "ResultsBucket": f"{prefix}-athena-results",
        "DbtBucket": f"{prefix}-warehouse",
        "LakeKeyArn": key_arn,
    }
    expected = re.sub(r"\$\{(\w+)\}", lambda m: values[m.group(1)], POLICY.read_text())
    assert rendered["Statement"] == json.loads(expected)["Statement"]
