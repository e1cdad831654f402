"""Contact Lens post-contact analysis files for voice and chat, original and redacted.

Sentiment follows what happened: a long wait sours the opening, a resolved contact ends well, an unresolved or
transferred one does not. Quarter scores run from -5 to +5 and the overall score is their mean, as Contact Lens
computes it. The original file carries the PII the customer said; the redacted one masks it with [PII].
"""

from __future__ import annotations

import dataclasses
import random
import time
from dataclasses import dataclass
from typing import Any

import orjson

from connect_lake.simulate import catalog
from connect_lake.simulate.legs import Leg
from connect_lake.simulate.rand import randint
from connect_lake.simulate.records import recording_location
from connect_lake.simulate.timefmt import iso_millis

AGENT_LINES = {
    "open": "Thanks for calling Acme, my name is {agent}. How can I help you today?",
    "verify": "Can you confirm the phone number on the account?",
    "work": "Let me look into that for you, one moment please.",
    "resolve": "I have fixed that for you, you should see the change right away.",
    "unresolved": "I am sorry, I cannot fix that today, I will open a ticket.",
    "close": "Is there anything else I can help you with?",
}
CUSTOMER_LINES = {
    "open": "Hi, this is {customer}. I am calling about {reason}.",
    "verify": "Sure, it is {phone}.",
    "angry": "I have been waiting forever and this is the third time I call about this.",
    "neutral": "Okay, thank you.",
    "happy": "That is great, thank you so much for your help!",
    "unhappy": "This is really frustrating, nothing ever gets fixed.",
}
REDACTION_META = {
    "PII": {"RedactionEntitiesRequested": ["NAME", "PHONE", "EMAIL", "CREDIT_DEBIT_NUMBER"], "RedactionMaskMode": "PII"}
}


@dataclass(slots=True)
class AnalysisJob:
    """Everything the analysis documents of one contact are rendered from (picklable, no simulation objects)."""

    root: str
    keys: tuple[str, str]
    seed: str
    contact_id: str
    channel: str
    interaction_s: int
    hold_s: int
    resolved: bool
    connected_to_agent_at: int | None
    initiated_at: int
    customer_first: str
    customer_last: str
    customer_phone: str
    agent_first: str
    call_reason: str | None
    recording_location: str
    customer_q: list[float]
    agent_q: list[float]
    categories: tuple[str, ...]


@dataclass(slots=True)
class AnalysisTruth:
    contact_id: str
    channel: str
    customer_overall: float
    agent_overall: float
    customer_start: float
    customer_end: float
    categories: tuple[str, ...]
    analysed_at: float


def _clip(score: float) -> float:
    return round(max(-5.0, min(5.0, score)), 1)


def _label(score: float) -> str:
    return "POSITIVE" if score > 1.0 else "NEGATIVE" if score < -1.0 else "NEUTRAL"


def sentiment_arc(leg: Leg, rng: random.Random) -> tuple[list[float], list[float]]:
    wait = leg.root.queue_duration_s or 0
    start = 1.0 - min(4.0, wait / 90.0) + rng.uniform(-0.8, 0.8)
    end = (3.0 if leg.resolved else -2.5) + rng.uniform(-1.0, 1.0)
    if leg.next is not None:
        end = min(end, 0.5)
    customer = [_clip(start + (end - start) * q / 3.0 + rng.uniform(-0.4, 0.4)) for q in range(4)]
    agent = [_clip(rng.uniform(1.0, 3.5)) for _ in range(4)]
    return customer, agent


def categories_for(leg: Leg, customer_quarters: list[float]) -> tuple[str, ...]:
    matched = ["Greeting"]
    if leg.queue is not None and leg.queue.name == "Retention":
        matched.append("CancellationIntent")
    if leg.queue is not None and leg.queue.name == "Billing":
        matched.append("PaymentDiscussion")
    if min(customer_quarters) <= -2.0:
        matched.append("Complaint")
    if leg.next is not None:
        matched.append("Escalation")
    return tuple(matched)


def _turn_plan(job: AnalysisJob, customer_q: list[float]) -> list[tuple[str, str, int]]:
    """(participant, line key, quarter) for each turn."""
    plan = [("AGENT", "open", 0), ("CUSTOMER", "open", 0), ("AGENT", "verify", 0), ("CUSTOMER", "verify", 0)]
    if customer_q[0] < -1.0:
        plan.append(("CUSTOMER", "angry", 1))
    middle = max(1, min(8, job.interaction_s // 60))
    for i in range(middle):
        quarter = 1 + (2 * i) // middle
        plan += [("AGENT", "work", quarter), ("CUSTOMER", "neutral", quarter)]
    plan.append(("AGENT", "resolve" if job.resolved else "unresolved", 3))
    plan.append(("CUSTOMER", "happy" if customer_q[3] > 1.0 else "unhappy" if customer_q[3] < -1.0 else "neutral", 3))
    plan.append(("AGENT", "close", 3))
    return plan


def _line(participant: str, key: str, job: AnalysisJob) -> str:
    template = (AGENT_LINES if participant == "AGENT" else CUSTOMER_LINES)[key]
    return template.format(
        agent=job.agent_first,
        customer=f"{job.customer_first} {job.customer_last}",
        phone=job.customer_phone,
        reason=(job.call_reason or "my account").replace("-", " "),
    )


def redact(document: dict[str, Any], job: AnalysisJob) -> dict[str, Any]:
    """The redacted output of the same analysis: PII in the transcript masked, the masking recorded."""
    pii = (f"{job.customer_first} {job.customer_last}", job.customer_phone)
    document["ContentMetadata"] = {
        "Output": "Redacted",
        "RedactionTypes": ["PII"],
        "RedactionTypesMetadata": REDACTION_META,
    }
    for item in document["Transcript"]:
        content = item.get("Content")
        if not content or not any(value in content for value in pii):
            continue
        start = min(content.find(value) for value in pii if value in content)
        for value in pii:
            content = content.replace(value, "[PII]")
        item["Content"] = content
        if "BeginOffsetMillis" in item:
            item["Redaction"] = {
                "RedactedTimestamps": [
                    {"BeginOffsetMillis": item["BeginOffsetMillis"] + 600, "EndOffsetMillis": item["EndOffsetMillis"]}
                ]
            }
        else:
            item["Redaction"] = {"CharacterOffsets": [{"BeginOffsetChar": start, "EndOffsetChar": start + 5}]}
    return document


def _header(job: AnalysisJob, version: str) -> dict[str, Any]:
    """The fields both voice and chat analysis files start with (redact() rewrites ContentMetadata)."""
    return {
        "Version": version,
        "AccountId": catalog.ACCOUNT_ID,
        "Channel": job.channel,
        "ContentMetadata": {"Output": "Raw"},
        "CustomerMetadata": {
            "ContactId": job.contact_id,
            "InstanceId": catalog.INSTANCE_ID,
            "InputS3Uri": f"s3://{job.recording_location}",
        },
        "JobStatus": "COMPLETED",
        "LanguageCode": "en-US",
    }


def voice_document(job: AnalysisJob, rng: random.Random, customer_q, agent_q, categories) -> dict[str, Any]:
    total_ms = (job.interaction_s + job.hold_s) * 1000
    plan = _turn_plan(job, customer_q)
    slot = total_ms // (len(plan) + 1)
    transcript, talk = [], {"AGENT": 0, "CUSTOMER": 0}
    for i, (who, key, quarter) in enumerate(plan):
        begin = i * slot + randint(rng, 0, slot // 5)
        end = begin + int(slot * rng.uniform(0.6, 0.85))
        talk[who] += end - begin
        score = customer_q[quarter] if who == "CUSTOMER" else agent_q[quarter]
        item: dict[str, Any] = {
            "BeginOffsetMillis": begin,
            "EndOffsetMillis": end,
            "Content": _line(who, key, job),
            "Id": f"{job.contact_id[:8]}-{i:04d}",
            "ParticipantId": who,
            "Sentiment": _label(score),
            "LoudnessScore": [round(rng.uniform(55, 80), 1) for _ in range(3)],
        }
        if key in ("angry", "unhappy"):
            item["IssuesDetected"] = [
                {"CharacterOffsets": {"BeginOffsetChar": 0, "EndOffsetChar": 30}, "Text": item["Content"][:30]}
            ]
        transcript.append(item)
    quarter_ms = max(1, total_ms // 4)
    interruptions = max(0, int(rng.gauss(2 - min(customer_q), 1)))
    non_talk = max(0, total_ms - talk["AGENT"] - talk["CUSTOMER"])
    return {
        **_header(job, "VOICE-2022-11-30"),
        "Participants": [
            {"ParticipantId": "AGENT", "ParticipantRole": "AGENT"},
            {"ParticipantId": "CUSTOMER", "ParticipantRole": "CUSTOMER"},
        ],
        "Categories": {
            "MatchedCategories": list(categories),
            "MatchedDetails": {
                c: {"PointsOfInterest": [{"BeginOffsetMillis": 0, "EndOffsetMillis": slot}]} for c in categories
            },
        },
        "ConversationCharacteristics": {
            "TotalConversationDurationMillis": total_ms,
            "Sentiment": {
                "OverallSentiment": {"AGENT": round(sum(agent_q) / 4, 1), "CUSTOMER": round(sum(customer_q) / 4, 1)},
                "SentimentByPeriod": {
                    "QUARTER": {
                        who: [
                            {
                                "BeginOffsetMillis": q * quarter_ms,
                                "EndOffsetMillis": (q + 1) * quarter_ms,
                                "Score": scores[q],
                            }
                            for q in range(4)
                        ]
                        for who, scores in (("AGENT", agent_q), ("CUSTOMER", customer_q))
                    }
                },
            },
            "Interruptions": {
                "InterruptionsByInterrupter": {
                    "CUSTOMER": [
                        {
                            "BeginOffsetMillis": slot * (k + 1),
                            "DurationMillis": 900,
                            "EndOffsetMillis": slot * (k + 1) + 900,
                        }
                        for k in range(interruptions)
                    ]
                }
                if interruptions
                else {},
                "TotalCount": interruptions,
                "TotalTimeMillis": interruptions * 900,
            },
            "NonTalkTime": {"TotalTimeMillis": non_talk, "Instances": []},
            "TalkSpeed": {
                "DetailsByParticipant": {
                    "AGENT": {"AverageWordsPerMinute": randint(rng, 135, 175)},
                    "CUSTOMER": {"AverageWordsPerMinute": randint(rng, 120, 190)},
                }
            },
            "TalkTime": {
                "TotalTimeMillis": talk["AGENT"] + talk["CUSTOMER"],
                "DetailsByParticipant": {
                    "AGENT": {"TotalTimeMillis": talk["AGENT"]},
                    "CUSTOMER": {"TotalTimeMillis": talk["CUSTOMER"]},
                },
            },
        },
        "CustomModels": [],
        "Transcript": transcript,
    }


def chat_document(job: AnalysisJob, rng: random.Random, customer_q, agent_q, categories) -> dict[str, Any]:
    agent_pid, customer_pid = f"{job.contact_id[:8]}-agent", f"{job.contact_id[:8]}-customer"
    plan = _turn_plan(job, customer_q)
    start = job.connected_to_agent_at or job.initiated_at
    step = max(5, job.interaction_s // (len(plan) + 2))
    items: list[dict[str, Any]] = [
        {
            "AbsoluteTime": iso_millis(start),
            "ContentType": "application/vnd.amazonaws.connect.event.participant.joined",
            "Id": f"{job.contact_id[:8]}-e000",
            "Type": "EVENT",
            "ParticipantId": agent_pid,
            "DisplayName": job.agent_first,
            "ParticipantRole": "AGENT",
        }
    ]
    groups = []
    for i, (who, key, quarter) in enumerate(plan, 1):
        score = customer_q[quarter] if who == "CUSTOMER" else agent_q[quarter]
        item_id = f"{job.contact_id[:8]}-m{i:03d}"
        item = {
            "AbsoluteTime": iso_millis(start + i * step + rng.random()),
            "Content": _line(who, key, job),
            "ContentType": "text/plain",
            "Id": item_id,
            "Type": "MESSAGE",
            "ParticipantId": agent_pid if who == "AGENT" else customer_pid,
            "DisplayName": job.agent_first if who == "AGENT" else job.customer_first,
            "ParticipantRole": who,
            "Sentiment": _label(score),
        }
        items.append(item)
        groups.append(
            {
                "ParticipantRole": who,
                "ProgressiveScore": score,
                "Sentiment": _label(score),
                "TranscriptItems": [{"Id": item_id}],
            }
        )
    items.append(
        {
            "AbsoluteTime": iso_millis(start + (len(plan) + 1) * step),
            "ContentType": "application/vnd.amazonaws.connect.event.chat.ended",
            "Id": f"{job.contact_id[:8]}-e999",
            "Type": "EVENT",
        }
    )
    agent_avg = randint(rng, 20_000, 90_000)
    customer_avg = randint(rng, 15_000, 120_000)
    return {
        **_header(job, "CHAT-2022-11-30"),
        "ChatTranscriptVersion": "2019-08-26",
        "Participants": [
            {"ParticipantId": agent_pid, "ParticipantRole": "AGENT"},
            {"ParticipantId": customer_pid, "ParticipantRole": "CUSTOMER"},
        ],
        "Categories": {
            "MatchedCategories": list(categories),
            "MatchedDetails": {
                c: {
                    "PointsOfInterest": [
                        {
                            "TranscriptItems": [
                                {"Id": items[1]["Id"], "CharacterOffsets": {"BeginOffsetChar": 0, "EndOffsetChar": 10}}
                            ]
                        }
                    ]
                }
                for c in categories
            },
        },
        "ConversationCharacteristics": {
            "ContactSummary": {
                "SummaryItemsDetected": [
                    {
                        "IssuesDetected": [{"Text": job.call_reason or "account question"}],
                        "OutcomesDetected": [{"Text": "resolved" if job.resolved else "ticket opened"}],
                        "ActionItemsDetected": [] if job.resolved else [{"Text": "follow up with customer"}],
                    }
                ]
            },
            "ResponseTime": {
                "AgentGreetingTimeMillis": randint(rng, 2_000, 20_000),
                "DetailsByParticipantRole": {
                    "AGENT": {
                        "Average": {"ValueMillis": agent_avg},
                        "Maximum": {"ValueMillis": agent_avg * 2, "TranscriptItems": [{"Id": items[3]["Id"]}]},
                    },
                    "CUSTOMER": {
                        "Average": {"ValueMillis": customer_avg},
                        "Maximum": {"ValueMillis": customer_avg * 2, "TranscriptItems": [{"Id": items[2]["Id"]}]},
                    },
                },
            },
            "Sentiment": {
                "OverallSentiment": {
                    "DetailsByParticipantRole": {
                        "AGENT": round(sum(agent_q) / 4, 1),
                        "CUSTOMER": round(sum(customer_q) / 4, 1),
                    },
                    "DetailsByInteraction": {
                        "DetailsByParticipantRole": {
                            "CUSTOMER": {"WithAgent": round(sum(customer_q) / 4, 1), "WithoutAgent": customer_q[0]}
                        }
                    },
                },
                "SentimentShift": {
                    "DetailsByParticipantRole": {
                        "AGENT": {"BeginScore": agent_q[0], "EndScore": agent_q[3]},
                        "CUSTOMER": {"BeginScore": customer_q[0], "EndScore": customer_q[3]},
                    }
                },
                "DetailsByTranscriptItemGroup": groups,
            },
        },
        "Transcript": items,
    }


def analysis_keys(contact_id: str, channel: str, analysed_at: float) -> tuple[str, str]:
    """The original and redacted object keys; the date folder and the stamp are the analysis time."""
    folder = "Voice" if channel == "VOICE" else "Chat"
    day = time.strftime("%Y/%m/%d", time.gmtime(analysed_at))
    stamp = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(analysed_at))
    return (
        f"contact_lens/Analysis/{folder}/{day}/{contact_id}_analysis_{stamp}.json",
        f"contact_lens/Analysis/{folder}/Redacted/{day}/{contact_id}_analysis_redacted_{stamp}.json",
    )


def reanalysis(job: AnalysisJob, truth: AnalysisTruth, delay_s: int) -> tuple[AnalysisJob, AnalysisTruth]:
    """The contact analysed again later, after a category rule was added: new files with a later stamp that
    supersede the first ones (which stay in S3). The truth is the newer analysis."""
    analysed_at = truth.analysed_at + delay_s
    categories = (*job.categories, "QualityReview")
    rerun = dataclasses.replace(
        job,
        keys=analysis_keys(job.contact_id, job.channel, analysed_at),
        seed=f"{job.seed}/rerun",
        categories=categories,
    )
    return rerun, dataclasses.replace(truth, categories=categories, analysed_at=analysed_at)


def analysis_job(leg: Leg, rng: random.Random, seed: int, root: str) -> tuple[AnalysisJob, AnalysisTruth]:
    """What the analysis of a handled contact depends on: drawn here, in the simulation, so the truth is
    known; the documents themselves are rendered later from it (render_analysis), off the simulation's core."""
    customer_q, agent_q = sentiment_arc(leg, rng)
    categories = categories_for(leg, customer_q)
    analysed_at = (leg.acw_start_at or leg.disconnected_at) + randint(rng, 90, 600)
    job = AnalysisJob(
        root=root,
        keys=analysis_keys(leg.contact_id, leg.channel, analysed_at),
        seed=f"{seed}/contact-lens/{leg.contact_id}",
        contact_id=leg.contact_id,
        channel=leg.channel,
        interaction_s=leg.interaction_s,
        hold_s=leg.hold_s,
        resolved=leg.resolved,
        connected_to_agent_at=leg.connected_to_agent_at,
        initiated_at=leg.initiated_at,
        customer_first=leg.customer.first_name,
        customer_last=leg.customer.last_name,
        customer_phone=leg.customer.phone,
        agent_first=leg.agent.first_name,
        call_reason=leg.attributes.get("callReason"),
        recording_location=recording_location(leg),
        customer_q=customer_q,
        agent_q=agent_q,
        categories=categories,
    )
    truth = AnalysisTruth(
        leg.contact_id,
        leg.channel,
        round(sum(customer_q) / 4, 1),
        round(sum(agent_q) / 4, 1),
        customer_q[0],
        customer_q[3],
        categories,
        analysed_at,
    )
    return job, truth


def render_analysis(job: AnalysisJob) -> list[tuple[str, bytes]]:
    """The original and redacted analysis files of one job, as (path, bytes). Runs in the writer process;
    its random draws come from a generator seeded by the contact, so the bytes do not depend on where."""
    rng = random.Random(job.seed)
    build = voice_document if job.channel == "VOICE" else chat_document
    document = build(job, rng, job.customer_q, job.agent_q, job.categories)
    original = orjson.dumps(document)
    redacted = orjson.dumps(redact(document, job))
    return [(f"{job.root}/{job.keys[0]}", original), (f"{job.root}/{job.keys[1]}", redacted)]
