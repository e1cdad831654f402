"""The chat bot's Amazon Lex V2 conversation logs, as a CloudWatch Logs subscription delivers them through Firehose.

Lex V2 writes one text-log entry per utterance to the alias's CloudWatch log group [Viewing text logs in Amazon
CloudWatch Logs]: `messageVersion`, `bot` (name, id, version, aliasName, aliasId, localeId), `messages` (what the
bot answered), `sessionState` (dialogAction, the intent with its slots and state, sessionAttributes,
originatingRequestId), `interpretations` (candidate intents with nluConfidence), `sessionId`, `inputTranscript`,
`missedUtterance`, `inputMode`, `requestAttributes`, `operationName`, `developerOverride`, `requestId`. Amazon
Connect opens one Lex session per contact, with the contact id as its session id. Slot obfuscation is on for the
bot, so a slot value is logged as `{SlotName}`; what a customer typed outside a slot is logged as typed.

A subscription filter sends the log group to Firehose: CloudWatch Logs batches log events into envelopes
`{"messageType": "DATA_MESSAGE", "owner", "logGroup", "logStream", "subscriptionFilters", "logEvents": [{"id",
"timestamp", "message"}, ...]}` (several events each; the message is the entry as a JSON string), and checks the
destination now and then with a `CONTROL_MESSAGE` envelope [CloudWatch Logs subscription filters, Firehose].
Firehose decompresses each envelope (record decompression on, message extraction off) and writes one per line,
gzip, under the arrival hour. The conversations are drawn on a random stream of their own, from what the chat
entry flow decided (its intent, whether the bot contained the chat), so no other figure of the simulation moves.
The truth, `bot_turns.csv`, has every utterance with what the marts must show.
"""

from __future__ import annotations

import csv
import random
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson

from connect_lake.landing.firehose import FirehoseStream
from connect_lake.simulate import catalog

BOT = {
    "name": "acme-care-bot",
    "id": "QX7L2BOTID",
    "version": "4",
    "aliasName": "prod",
    "aliasId": "TSTALIASID",
    "localeId": "en_US",
}
LOG_GROUP = "/aws/lex/acme-care-bot"
SUBSCRIPTION = "lex-conversations-to-firehose"
CONTROL_MESSAGE = "CWL CONTROL MESSAGE: Checking health of destination Firehose."
CONTROL_INTERVAL_S = 6 * 3_600
# what customers type for each intent; the slot a follow-up turn fills
PHRASES = {
    "OrderStatus": ("where is my order", "has my order shipped", "order status please", "track my parcel"),
    "ResetPassword": ("I forgot my password", "reset my password", "can't log in to my account"),
    "TalkToAgent": ("talk to a person", "agent please", "I want to speak to someone", "human"),
}
SLOTS = {"OrderStatus": ("OrderNumber", "it's {OrderNumber}"), "ResetPassword": ("EmailAddress", "{EmailAddress}")}
# what the bot does not understand: typed text, some of it with the customer's own details in it, and how it
# reads once those are redacted
MISSED = (
    ("my thing never came", "my thing never came"),
    ("hello??", "hello??"),
    ("the app keeps crashing", "the app keeps crashing"),
    ("call me on 555 0134", "call me on [PII]"),
    ("my email is jo.smith@example.com", "my email is [PII]"),
    ("refund", "refund"),
    ("wrong item in the box", "wrong item in the box"),
)
TRUTH_COLUMNS = (
    "request_id",
    "contact_id",
    "turn_number",
    "turn_at",
    "input_transcript",
    "redacted_input_transcript",
    "intent_name",
    "nlu_confidence",
    "is_missed_utterance",
    "intent_state",
    "dialog_action_type",
    "slots_filled",
    "session_outcome",
    "delivered_at",
)


@dataclass
class BotConversations:
    """Collects the chat bot's sessions; `deliver` puts the envelopes on the stream and writes the truth."""

    rng: random.Random
    turns: list[dict[str, Any]] = field(default_factory=list)

    def record_session(self, contact_id: str, started: float, ended: float, intent: str, outcome: str) -> None:
        """One Lex session of a chat between `started` and `ended` (the flow's bot block), ending in `intent`:
        contained by the bot, handed to the queue, or left by the customer."""
        rng = self.rng
        plan: list[tuple[str, str, str | None, bool]] = []  # (transcript, redacted, intent, missed)
        for _ in range(2 if rng.random() < 0.06 else 1 if rng.random() < 0.18 else 0):
            plan.append((*rng.choice(MISSED), None, True))
        phrase = rng.choice(PHRASES[intent])
        plan.append((phrase, phrase, intent, False))
        if intent in SLOTS and outcome != "dropped":
            plan.append((SLOTS[intent][1], SLOTS[intent][1], intent, False))
        step = max(1.0, (ended - started) / (len(plan) + 1))
        for number, (text, redacted, name, missed) in enumerate(plan, 1):
            at = started + step * number + rng.uniform(0.0, step / 3)
            last = number == len(plan)
            slot = SLOTS.get(name or "")
            filled = 1 if slot and text == slot[1] else 0
            if missed:
                state, action = None, "ElicitIntent"
            elif slot and not filled:
                state, action = "InProgress", "ElicitSlot"
            elif name == "TalkToAgent":
                state, action = "Fulfilled", "Close"
            else:
                state, action = ("Fulfilled" if outcome == "contained" else "ReadyForFulfillment"), "Close"
            self.turns.append(
                {
                    "request_id": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
                    "contact_id": contact_id,
                    "turn_number": number,
                    "at": at,
                    "input_transcript": text,
                    "redacted_input_transcript": redacted,
                    "intent_name": "FallbackIntent" if missed else name,
                    "nlu_confidence": None if missed else round(rng.uniform(0.62, 0.99), 2),
                    "is_missed_utterance": missed,
                    "intent_state": state,
                    "dialog_action_type": action,
                    "slot": slot[0] if slot else None,
                    "slots_filled": filled,
                    "session_outcome": outcome if last else "",
                    "log_stream": f"{BOT['aliasId']}/{BOT['localeId']}/{int(at) // 3_600}",
                }
            )

    def deliver(self, stream: FirehoseStream, truth_dir: Path, start: int, end: int, duplicate_rate: float) -> int:
        """Batch the entries into subscription envelopes (a session's turns, a few events each), 1-15 s after the
        last of them, some twice (CloudWatch Logs retries a delivery it did not see acknowledged), with a control
        message every six hours; write the truth. Returns the entries delivered."""
        rng = self.rng
        delivered: dict[str, float] = {}
        by_contact: dict[str, list[dict[str, Any]]] = {}
        for turn in self.turns:
            by_contact.setdefault(turn["contact_id"], []).append(turn)
        for turns in by_contact.values():
            batch = rng.choice((len(turns), 1, 2))
            for first in range(0, len(turns), batch):
                events = turns[first : first + batch]
                arrival = events[-1]["at"] + rng.uniform(1.0, 15.0)
                if arrival > end:
                    continue
                line = orjson.dumps(envelope(events, rng))
                stream.put(arrival, line)
                if rng.random() < duplicate_rate and arrival + 120 <= end:
                    stream.put(arrival + rng.uniform(5.0, 120.0), line)
                for turn in events:
                    delivered[turn["request_id"]] = arrival
        for at in range(start + CONTROL_INTERVAL_S // 2, end, CONTROL_INTERVAL_S):
            stream.put(float(at), orjson.dumps(control_envelope(at)))
        with open(truth_dir / "bot_turns.csv", "w", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(TRUTH_COLUMNS)
            for turn in self.turns:
                arrival = delivered.get(turn["request_id"])
                writer.writerow(
                    [
                        turn["request_id"],
                        turn["contact_id"],
                        turn["turn_number"],
                        f"{turn['at']:.3f}",
                        turn["input_transcript"],
                        turn["redacted_input_transcript"],
                        turn["intent_name"],
                        "" if turn["nlu_confidence"] is None else turn["nlu_confidence"],
                        str(turn["is_missed_utterance"]).lower(),
                        turn["intent_state"] or "",
                        turn["dialog_action_type"],
                        turn["slots_filled"],
                        turn["session_outcome"],
                        "" if arrival is None else f"{arrival:.3f}",
                    ]
                )
        return len(delivered)


def log_entry(turn: dict[str, Any]) -> dict[str, Any]:
    """The Lex V2 text-log entry of one utterance."""
    name = turn["intent_name"]
    slots: dict[str, Any] = {}
    if turn["slot"]:
        slots[turn["slot"]] = (
            {"value": {"originalValue": "{" + turn["slot"] + "}", "interpretedValue": "{" + turn["slot"] + "}"}}
            if turn["slots_filled"]
            else None
        )
    intent = {"name": name, "slots": slots, "state": turn["intent_state"], "confirmationState": "None"}
    interpretations = [{"intent": {"name": "FallbackIntent", "slots": {}}, "interpretationSource": "Lex"}]
    if not turn["is_missed_utterance"]:
        interpretations = [
            {"nluConfidence": turn["nlu_confidence"], "intent": intent, "interpretationSource": "Lex"},
            *interpretations,
        ]
    dialog_action: dict[str, Any] = {"type": turn["dialog_action_type"]}
    if turn["dialog_action_type"] == "ElicitSlot":
        dialog_action["slotToElicit"] = turn["slot"]
    return {
        "messageVersion": "2.0",
        "bot": BOT,
        "messages": [{"contentType": "PlainText", "content": "..."}],
        "sessionState": {
            "dialogAction": dialog_action,
            "intent": None if turn["is_missed_utterance"] else intent,
            "sessionAttributes": {},
            "originatingRequestId": turn["contact_id"],
        },
        "interpretations": interpretations,
        "sessionId": turn["contact_id"],
        "inputTranscript": turn["input_transcript"],
        "missedUtterance": turn["is_missed_utterance"],
        "inputMode": "Text",
        "requestAttributes": {"x-amz-lex:channels:platform": "Connect Chat"},
        "operationName": "RecognizeText",
        "developerOverride": False,
        "requestId": turn["request_id"],
    }


def envelope(events: list[dict[str, Any]], rng: random.Random) -> dict[str, Any]:
    return {
        "messageType": "DATA_MESSAGE",
        "owner": catalog.ACCOUNT_ID,
        "logGroup": LOG_GROUP,
        "logStream": events[0]["log_stream"],
        "subscriptionFilters": [SUBSCRIPTION],
        "logEvents": [
            {
                # CloudWatch Logs' event ids are 56-digit numbers
                "id": "".join(rng.choices("0123456789", k=56)),
                "timestamp": int(turn["at"] * 1000),
                "message": orjson.dumps(log_entry(turn)).decode(),
            }
            for turn in events
        ],
    }


def control_envelope(at: int) -> dict[str, Any]:
    return {
        "messageType": "CONTROL_MESSAGE",
        "owner": "CloudwatchLogs",
        "logGroup": "",
        "logStream": "",
        "subscriptionFilters": [],
        "logEvents": [{"id": "", "timestamp": at * 1000, "message": CONTROL_MESSAGE}],
    }
