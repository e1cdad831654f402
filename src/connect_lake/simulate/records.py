"""Render a leg as a contact record (CTR), field for field as the CTR data model has it.

Real records carry every field, with explicit nulls where a field does not apply (`HierarchyGroups.Level4`,
`Campaign.CampaignId`, `Agent` for contacts no agent touched), `ContactDetails: {}` and `References: []`.
Timestamps are ISO-8601 UTC at second precision; durations are integer seconds.
"""

from __future__ import annotations

import time
from typing import Any

from connect_lake.simulate import catalog
from connect_lake.simulate.call_quality import quality_metrics
from connect_lake.simulate.legs import Leg
from connect_lake.simulate.timefmt import iso_seconds as ts

DEVICE = {"PlatformName": "Chrome", "PlatformVersion": "131.0", "OperatingSystem": "Windows 10"}


def _endpoint(address: str | None, kind: str = "TELEPHONE_NUMBER") -> dict[str, Any] | None:
    return None if address is None else {"Address": address, "Type": kind}


def _agent(leg: Leg) -> dict[str, Any] | None:
    agent = leg.agent
    if agent is None:
        return None
    profile = leg.agent_profile
    department = catalog.DEPARTMENTS[profile.name]
    return {
        "ARN": agent.arn,
        "AfterContactWorkDuration": leg.acw_s,
        "AfterContactWorkEndTimestamp": ts(leg.acw_end_at),
        "AfterContactWorkStartTimestamp": ts(leg.acw_start_at),
        "AgentInitiatedHoldDuration": leg.hold_s,
        "AgentInteractionDuration": leg.interaction_s,
        "AgentPauseDuration": leg.pause_s if leg.channel == "TASK" else None,
        "Capabilities": None,
        "ConnectedToAgentTimestamp": ts(leg.connected_to_agent_at),
        "CustomerHoldDuration": leg.hold_s,
        "DeviceInfo": DEVICE,
        "HierarchyGroups": {
            "Level1": {"ARN": agent.site.arn, "GroupName": agent.site.name},
            "Level2": {"ARN": department.arn, "GroupName": department.name},
            "Level3": {"ARN": agent.team.arn, "GroupName": agent.team.name},
            "Level4": None,
            "Level5": None,
        },
        "LongestHoldDuration": leg.longest_hold_s,
        "NumberOfHolds": leg.holds,
        "RoutingProfile": {"ARN": profile.arn, "Name": profile.name},
        "StateTransitions": [],
        "Username": agent.username,
        "AcceptedByAgentTimestamp": None,
        "PreviewEndTimestamp": None,
    }


def _queue(leg: Leg) -> dict[str, Any] | None:
    if leg.queue is None:
        return None
    return {
        "ARN": leg.queue.arn,
        "DequeueTimestamp": ts(leg.dequeued_at),
        "Duration": leg.queue_duration_s,
        "EnqueueTimestamp": ts(leg.enqueued_at),
        "Name": leg.queue.name,
    }


def recording_location(leg: Leg) -> str:
    start = leg.recording_started_at or leg.initiated_at
    day = time.strftime("%Y/%m/%d", time.gmtime(start))
    stamp = time.strftime("%Y%m%dT%H:%M", time.gmtime(start))
    folder = "ChatTranscripts" if leg.channel == "CHAT" else "CallRecordings"
    ext = "json" if leg.channel == "CHAT" else "wav"
    return (
        f"{catalog.RECORDING_BUCKET}/connect/{catalog.INSTANCE_ALIAS}/{folder}/{day}/{leg.contact_id}_{stamp}_UTC.{ext}"
    )


def _recordings(leg: Leg) -> tuple[dict[str, Any] | None, list[dict[str, Any]]]:
    if not leg.is_handled or leg.channel == "TASK" or leg.interaction_s <= 0:
        return None, []
    location = recording_location(leg)
    media = "CHAT" if leg.channel == "CHAT" else "AUDIO"
    recording = {
        "DeletionReason": None,
        "Location": location,
        "Status": "AVAILABLE",
        "Type": "TRANSCRIPT" if leg.channel == "CHAT" else "AUDIO",
    }
    recordings = [
        {
            "DeletionReason": None,
            "FragmentStartNumber": None,
            "FragmentStopNumber": None,
            "Location": location,
            "MediaStreamType": media,
            "ParticipantType": "All",
            "StartTimestamp": ts(leg.connected_to_agent_at),
            "StopTimestamp": ts(leg.acw_start_at or leg.disconnected_at),
            "Status": "AVAILABLE",
            "StorageType": "S3",
        }
    ]
    return recording, recordings


def _contact_lens(leg: Leg) -> dict[str, Any] | None:
    if leg.channel not in ("VOICE", "CHAT"):
        return None
    return {
        "ConversationalAnalytics": {
            "Configuration": {
                "Enabled": True,
                "ChannelConfiguration": {
                    "AnalyticsModes": ["PostContact" if leg.channel == "VOICE" else "ContactLens"]
                },
                "LanguageLocale": "en-US",
                "RedactionConfiguration": {
                    "Behavior": "Enable",
                    "Policy": "RedactedAndOriginal",
                    "Entities": None,
                    "MaskMode": "PII",
                },
                "SentimentConfiguration": {"Behavior": "Enable"},
                "SummaryConfiguration": None,
            }
        }
    }


def contact_record(leg: Leg, last_update_at: int, attributes: dict[str, str] | None = None) -> dict[str, Any]:
    recording, recordings = _recordings(leg)
    media = {"VOICE": "AUDIO", "CHAT": "CHAT", "TASK": None}[leg.channel]
    customer_type = "EMAIL" if leg.customer_endpoint_type == "EMAIL" else "TELEPHONE_NUMBER"
    return {
        "AWSAccountId": catalog.ACCOUNT_ID,
        "AWSContactTraceRecordFormatVersion": catalog.CTR_FORMAT_VERSION,
        "Agent": _agent(leg),
        "AgentConnectionAttempts": leg.agent_attempts,
        "AnsweringMachineDetectionStatus": None,
        "Attributes": leg.attributes if attributes is None else attributes,
        "Campaign": {"CampaignId": None},
        "Channel": leg.channel,
        "ChatMetrics": leg.chat,
        "ConnectedToSystemTimestamp": ts(leg.connected_to_system_at),
        "ContactDetails": {},
        "ContactId": leg.contact_id,
        "ContactLens": _contact_lens(leg),
        "CustomerEndpoint": _endpoint(leg.customer_endpoint, customer_type),
        "CustomerId": None,
        "CustomerVoiceActivity": None,
        "DisconnectDetails": None,
        "DisconnectReason": leg.disconnect_reason,
        "DisconnectTimestamp": ts(leg.disconnected_at),
        "ExternalThirdParty": None
        if leg.external_third_party_s is None
        else {"ExternalThirdPartyInteractionDuration": leg.external_third_party_s},
        "InitialContactId": None if leg.initial is None else leg.initial.contact_id,
        "InitiationMethod": leg.initiation_method,
        "InitiationTimestamp": ts(leg.initiated_at),
        "InstanceARN": catalog.INSTANCE_ARN,
        "LastPausedTimestamp": None,
        "LastResumedTimestamp": None,
        "LastUpdateTimestamp": ts(last_update_at),
        "MediaStreams": [] if media is None else [{"Type": media}],
        "NextContactId": None if leg.next is None else leg.next.contact_id,
        "PreviousContactId": None if leg.previous is None else leg.previous.contact_id,
        "QualityMetrics": quality_metrics(leg.agent_audio, leg.customer_audio),
        "Queue": _queue(leg),
        "Recording": recording,
        "Recordings": recordings,
        "References": [],
        "RelatedContactId": None,
        "ScheduledTimestamp": None,
        "SegmentAttributes": {},
        "SystemEndpoint": _endpoint(leg.system_endpoint),
        "Tags": {"aws:connect:instanceId": catalog.INSTANCE_ID},
        "TotalPauseCount": leg.pauses if leg.channel == "TASK" else None,
        "TotalPauseDurationInSeconds": leg.pause_s if leg.channel == "TASK" else None,
        "TransferCompletedTimestamp": ts(leg.transfer_completed_at),
        "TransferredToEndpoint": _endpoint(leg.transferred_to_endpoint),
        "VoiceIdResult": None,
        "WisdomInfo": None,
    }
