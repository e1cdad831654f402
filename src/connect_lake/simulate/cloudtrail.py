"""The account's AWS CloudTrail log files: who listened to or deleted a recording, and who changed the instance.

A trail writes gzip JSON log files to S3, one document `{"Records": [...]}` on one line, about every five minutes,
under `<prefix>/AWSLogs/<account>/CloudTrail/<region>/YYYY/MM/DD/`, named
`<account>_CloudTrail_<region>_<YYYYMMDDTHHmmZ>_<unique>.json.gz` [CloudTrail log file examples; Finding your
CloudTrail log files]. Each record is one API call: `eventVersion`, `userIdentity` (type, principalId, arn,
accountId, accessKeyId, userName, sessionContext.sessionIssuer, invokedBy), `eventTime`, `eventSource`,
`eventName`, `awsRegion`, `sourceIPAddress`, `userAgent`, `errorCode`/`errorMessage` on failure,
`requestParameters`, `responseElements`, `requestID`, `eventID`, `readOnly`, `resources`, `eventType`,
`managementEvent`, `recipientAccountId`, `eventCategory` [CloudTrail record contents]. An event reaches S3 within
about 5 to 15 minutes, at least once: a small share arrives again in a later file.

The simulated trail carries two kinds of event, drawn on a random stream of their own (no other number of the
simulation moves):
- S3 data events on the recordings bucket: a recording played in Connect's contact search (Connect's
  service-linked role fetches it: the person is not in the event), downloaded by the quality team's role, or
  deleted under the retention policy; an agent's role trying to download one is denied;
- Connect management events: the daily configuration snapshot's List calls, and administrators' changes and
  reads of users, queues and flows (a supervisor without the permission is denied now and then).
The truth, `cloudtrail_events.csv`, has every event with what the marts must show and when it landed.
"""

from __future__ import annotations

import csv
import random
import string
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson

from connect_lake.landing.faults import corrupt_object, malformed_line
from connect_lake.landing.manifest import LandingManifest
from connect_lake.landing.writer import BackgroundWriter
from connect_lake.simulate import catalog
from connect_lake.simulate.legs import Leg
from connect_lake.simulate.records import recording_location
from connect_lake.simulate.timefmt import iso_seconds

SOURCE = "cloudtrail"
LOG_FILE_INTERVAL_S = 300
DELIVERY_DELAY_S = (300.0, 900.0)
DUPLICATE_RATE = 0.01
FOLDER = f"{SOURCE}/AWSLogs/{catalog.ACCOUNT_ID}/CloudTrail/{catalog.REGION}"
SERVICE_ROLE = "AWSServiceRoleForAmazonConnect_acmecare"
TRUTH_COLUMNS = (
    "event_id",
    "event_time",
    "event_source",
    "event_name",
    "identity_arn",
    "actor_name",
    "source_ip_address",
    "is_read_only",
    "error_code",
    "resource_type",
    "resource_id",
    "recording_location",
    "contact_id",
    "access_channel",
    "delivered_at",
)


@dataclass(frozen=True)
class Identity:
    role: str
    session: str
    source_ip: str
    user_agent: str

    @property
    def arn(self) -> str:
        return f"arn:aws:sts::{catalog.ACCOUNT_ID}:assumed-role/{self.role}/{self.session}"

    def record(self, rng: random.Random) -> dict[str, Any]:
        principal = "AROA" + "".join(rng.choices(string.ascii_uppercase + string.digits, k=17))
        return {
            "type": "AssumedRole",
            "principalId": f"{principal}:{self.session}",
            "arn": self.arn,
            "accountId": catalog.ACCOUNT_ID,
            "accessKeyId": "ASIA" + "".join(rng.choices(string.ascii_uppercase + string.digits, k=16)),
            "sessionContext": {
                "sessionIssuer": {
                    "type": "Role",
                    "principalId": principal,
                    "arn": f"arn:aws:iam::{catalog.ACCOUNT_ID}:role/{self.role}",
                    "accountId": catalog.ACCOUNT_ID,
                    "userName": self.role,
                },
                "attributes": {"creationDate": "", "mfaAuthenticated": "true"},
            },
        }


CONSOLE = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36"
QUALITY_TEAM = (
    Identity("ConnectQualityAnalyst", "maria.lopez@acme.example", "198.51.100.23", "[aws-cli/2.22.4]"),
    Identity("ConnectQualityAnalyst", "kenji.sato@acme.example", "198.51.100.41", "[aws-cli/2.22.4]"),
)
ADMINS = (
    Identity("ConnectAdmin", "dana.okafor@acme.example", "203.0.113.17", CONSOLE),
    Identity("ConnectAdmin", "lee.morgan@acme.example", "203.0.113.52", CONSOLE),
)
SUPERVISOR = Identity("ConnectSupervisor", "sam.garcia@acme.example", "203.0.113.88", CONSOLE)
AGENT = Identity("ConnectAgent", "tariq.jensen@acme.example", "192.0.2.144", CONSOLE)
RETENTION = Identity("RecordingRetention", "retention-job", "52.23.61.10", "[Boto3/1.35.36 Python/3.12]")
SNAPSHOT = Identity("ConnectLakeSnapshot", "snapshot-config", "52.23.61.11", "[Boto3/1.35.36 Python/3.12]")
# (API, read only, the request parameter naming the resource, its resource type)
ADMIN_CALLS = (
    ("UpdateUserRoutingProfile", False, "UserId", "user"),
    ("UpdateUserSecurityProfiles", False, "UserId", "user"),
    ("DescribeUser", True, "UserId", "user"),
    ("UpdateQueueHoursOfOperation", False, "QueueId", "queue"),
    ("DescribeQueue", True, "QueueId", "queue"),
    ("UpdateContactFlowContent", False, "ContactFlowId", "contact-flow"),
)
SNAPSHOT_CALLS = ("ListQueues", "ListRoutingProfiles", "ListUsers", "ListHoursOfOperations", "ListContactFlows")


@dataclass
class AuditTrail:
    """Collects the events of the simulated period; `deliver` writes the log files and the truth."""

    rng: random.Random
    events: list[tuple[float, dict[str, Any], dict[str, str]]] = field(default_factory=list)

    def record_leg(self, leg: Leg) -> None:
        """A finished leg with a recording: played, downloaded, deleted, or a denied download, now and then."""
        if not leg.is_handled or leg.channel == "TASK" or leg.interaction_s <= 0 or leg.disconnected_at is None:
            return
        location = recording_location(leg)
        draw = self.rng.random()
        after = leg.disconnected_at + self.rng.uniform(600.0, 36 * 3_600.0)
        if draw < 0.05:
            self._object_event("GetObject", after, None, location, leg.contact_id, "connect_service")
            if self.rng.random() < 0.2:
                self._object_event(
                    "GetObject", after + self.rng.uniform(60, 7_200), None, location, leg.contact_id, "connect_service"
                )
        elif draw < 0.065:
            self._object_event("GetObject", after, self.rng.choice(QUALITY_TEAM), location, leg.contact_id, "direct")
        elif draw < 0.068:
            self._object_event("GetObject", after, AGENT, location, leg.contact_id, "direct", denied=True)
        elif draw < 0.080:
            self._object_event("DeleteObject", after, RETENTION, location, leg.contact_id, "direct")

    def _object_event(
        self,
        name: str,
        at: float,
        identity: Identity | None,
        location: str,
        contact_id: str,
        channel: str,
        denied: bool = False,
    ) -> None:
        bucket, key = location.split("/", 1)
        record = self._base(name, at, "s3.amazonaws.com", identity, read_only=name == "GetObject")
        record.update(
            {
                "requestParameters": {"bucketName": bucket, "Host": f"{bucket}.s3.amazonaws.com", "key": key},
                "responseElements": None,
                "additionalEventData": {"SignatureVersion": "SigV4", "bytesTransferredOut": 0 if denied else 1},
                "resources": [
                    {"type": "AWS::S3::Object", "ARN": f"arn:aws:s3:::{location}"},
                    {"accountId": catalog.ACCOUNT_ID, "type": "AWS::S3::Bucket", "ARN": f"arn:aws:s3:::{bucket}"},
                ],
                "managementEvent": False,
                "eventCategory": "Data",
            }
        )
        if denied:
            record.update({"errorCode": "AccessDenied", "errorMessage": "Access Denied"})
        truth = {
            "resource_type": "recording",
            "resource_id": "",
            "recording_location": location,
            "contact_id": contact_id,
            "access_channel": channel,
        }
        self.events.append((at, record, truth))

    def management_events(self, start: int, days: int, agent_ids: list[str]) -> None:
        """The daily snapshot's List calls at 02:00 UTC and the administrators' calls during the day."""
        queues = [q.queue_id for q in catalog.QUEUES.values() if q.agent_owner is None]
        flows = [f.flow_id for f in catalog.FLOWS.values()]
        ids = {"user": agent_ids, "queue": queues, "contact-flow": flows}
        for day in range(days):
            midnight = start + day * 86_400
            for n, name in enumerate(SNAPSHOT_CALLS):
                self._connect_event(name, midnight + 7_200 + n * 2.5, SNAPSHOT, True, None, None)
            for _ in range(self.rng.randint(6, 14)):
                name, read_only, parameter, kind = self.rng.choice(ADMIN_CALLS)
                at = midnight + self.rng.uniform(8 * 3_600, 18 * 3_600)
                resource = self.rng.choice(ids[kind])
                self._connect_event(name, at, self.rng.choice(ADMINS), read_only, (parameter, kind), resource)
            if self.rng.random() < 0.6:
                at = midnight + self.rng.uniform(9 * 3_600, 17 * 3_600)
                flow = self.rng.choice(flows)
                self._connect_event(
                    "UpdateContactFlowContent",
                    at,
                    SUPERVISOR,
                    False,
                    ("ContactFlowId", "contact-flow"),
                    flow,
                    denied=True,
                )

    def _connect_event(
        self,
        name: str,
        at: float,
        identity: Identity,
        read_only: bool,
        parameter: tuple[str, str] | None,
        resource_id: str | None,
        denied: bool = False,
    ) -> None:
        record = self._base(name, at, "connect.amazonaws.com", identity, read_only)
        parameters: dict[str, Any] = {"InstanceId": catalog.INSTANCE_ID}
        if parameter is not None:
            parameters[parameter[0]] = resource_id
        record.update(
            {
                "requestParameters": parameters,
                "responseElements": None,
                "managementEvent": True,
                "eventCategory": "Management",
            }
        )
        if denied:
            record.update(
                {
                    "errorCode": "AccessDeniedException",
                    "errorMessage": f"User: {identity.arn} is not authorized to perform: connect:{name}",
                }
            )
        truth = {
            "resource_type": parameter[1] if parameter else "",
            "resource_id": resource_id or "",
            "recording_location": "",
            "contact_id": "",
            "access_channel": "",
        }
        self.events.append((at, record, truth))

    def _base(self, name: str, at: float, source: str, identity: Identity | None, read_only: bool) -> dict[str, Any]:
        if identity is None:
            # Connect fetching a recording for its own UI: the service-linked role, invoked by the service
            user_identity: dict[str, Any] = Identity(SERVICE_ROLE, "connect-recording-playback", "", "").record(
                self.rng
            )
            user_identity["invokedBy"] = "connect.amazonaws.com"
            source_ip = user_agent = "connect.amazonaws.com"
        else:
            user_identity = identity.record(self.rng)
            source_ip, user_agent = identity.source_ip, identity.user_agent
        user_identity["sessionContext"]["attributes"]["creationDate"] = iso_seconds(int(at) - 900)
        return {
            "eventVersion": "1.09",
            "userIdentity": user_identity,
            "eventTime": iso_seconds(int(at)),
            "eventSource": source,
            "eventName": name,
            "awsRegion": catalog.REGION,
            "sourceIPAddress": source_ip,
            "userAgent": user_agent,
            "requestID": "".join(self.rng.choices(string.ascii_uppercase + string.digits, k=16)),
            "eventID": str(uuid.UUID(int=self.rng.getrandbits(128), version=4)),
            "readOnly": read_only,
            "eventType": "AwsApiCall",
            "recipientAccountId": catalog.ACCOUNT_ID,
        }

    def deliver(
        self,
        root: Path,
        truth_dir: Path,
        manifest: LandingManifest,
        writer: BackgroundWriter,
        horizon: int,
        malformed_rate: float,
        corrupt_rate: float,
    ) -> int:
        """Write the log files (each event in the file of the five minutes it reached CloudTrail's delivery, some
        twice) and the truth. Returns the number of events delivered."""
        events = sorted(self.events, key=lambda e: (e[0], e[1]["eventID"]))
        files: dict[int, list[dict[str, Any]]] = {}
        delivered_at: dict[str, float] = {}
        for at, record, _ in events:
            arrival = at + self.rng.uniform(*DELIVERY_DELAY_S)
            copies = [arrival]
            if self.rng.random() < DUPLICATE_RATE:
                copies.append(arrival + self.rng.uniform(300.0, 3_600.0))
            for when in copies:
                window = int(when // LOG_FILE_INTERVAL_S)
                if (window + 1) * LOG_FILE_INTERVAL_S > horizon:
                    continue
                files.setdefault(window, []).append(record)
                delivered_at.setdefault(record["eventID"], (window + 1) * LOG_FILE_INTERVAL_S)
        malformed = 0
        for window in sorted(files):
            written = (window + 1) * LOG_FILE_INTERVAL_S
            stamp = time.strftime("%Y%m%dT%H%MZ", time.gmtime(written))
            unique = "".join(self.rng.choices(string.ascii_letters + string.digits, k=16))
            day = time.strftime("%Y/%m/%d", time.gmtime(written))
            key = f"{FOLDER}/{day}/{catalog.ACCOUNT_ID}_CloudTrail_{catalog.REGION}_{stamp}_{unique}.json.gz"
            records: list[dict[str, Any]] = []
            for record in files[window]:
                records.append(record)
                if malformed_rate and self.rng.random() < malformed_rate * 20:
                    # a broken copy beside the event (CloudTrail files hold few, large records: a higher rate
                    # so a three-day lake shows every kind)
                    kind, reason, bad = malformed_line(orjson.dumps(record), SOURCE, self.rng, malformed)
                    if kind in ("missing_field", "invalid_timestamp"):
                        malformed += 1
                        records.append(orjson.loads(bad))
                        # element e of the file's one line is numbered 100000 + e (records_from_array)
                        manifest.malformed_line(key, 100_000 + len(records), kind, reason)
            content = orjson.dumps({"Records": records}) + b"\n"
            writer.write(root / key, content, 6)
            manifest.landed_object(key, SOURCE, len(records), written, written, False)
            if corrupt_rate and self.rng.random() < corrupt_rate * 10:
                reason, payload = corrupt_object(content, is_gzip=True, rng=self.rng)
                copy_key = key[: -len(".json.gz")] + "0.json.gz"
                writer.write(root / copy_key, payload, None)
                manifest.landed_object(copy_key, SOURCE, 0, written, written, False)
                manifest.corrupt_object(copy_key, SOURCE, reason)
        with open(truth_dir / "cloudtrail_events.csv", "w", newline="") as handle:
            out = csv.writer(handle)
            out.writerow(TRUTH_COLUMNS)
            for _, record, truth in events:
                when = delivered_at.get(record["eventID"])
                identity = record["userIdentity"]
                out.writerow(
                    (
                        record["eventID"],
                        record["eventTime"],
                        record["eventSource"],
                        record["eventName"],
                        identity["arn"],
                        identity["arn"].rsplit("/", 1)[-1],
                        record["sourceIPAddress"],
                        str(record["readOnly"]).lower(),
                        record.get("errorCode", ""),
                        truth["resource_type"],
                        truth["resource_id"],
                        truth["recording_location"],
                        truth["contact_id"],
                        truth["access_channel"],
                        "" if when is None else iso_seconds(int(when)),
                    )
                )
        return len(delivered_at)
