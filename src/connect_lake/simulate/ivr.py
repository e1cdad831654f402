"""Contact flows: the blocks a contact executes before it reaches a queue, and the flow log they write.

One flow-log entry per block executed (Connect does not log time in queue or with an agent). The customer may
hang up at any block; self-service branches end the contact in the flow (IVR containment); Lambda calls fail
now and then, with the error string Connect logs in `Results`.
"""

from __future__ import annotations

import functools
import hashlib
import random
import uuid
from dataclasses import dataclass, field
from typing import Any

import orjson

from connect_lake.simulate import catalog
from connect_lake.simulate.rand import randint
from connect_lake.simulate.timefmt import iso_millis

LAMBDA_ERROR = "The Lambda Function Returned An Error."


@functools.cache
def _block_id(flow: str, name: str) -> str:
    # Stable per flow and block, like the ids the flow designer assigns.
    digest = hashlib.sha256(f"{flow}/{name}".encode()).hexdigest()
    return str(uuid.UUID(digest[:32], version=4))


@dataclass
class FlowRun:
    """The result of running a contact through a flow."""

    contact_id: str
    flow: catalog.Flow
    clock: float
    rng: random.Random
    entries: list[tuple[float, bytes]] = field(default_factory=list)
    outcome: str = "queued"  # queued, contained, dropped, closed
    queue_name: str | None = None
    attributes: dict[str, str] = field(default_factory=dict)
    lambda_errors: int = 0
    # the Lex bot's part of the flow: when it began and ended, and the intent it handed back
    bot_session: tuple[float, float, str] | None = None
    error_branches_at: list[float] = field(default_factory=list)  # when the flow took a block's error branch
    last_result: str | None = None
    logged_at: float = 0.0

    def block(
        self,
        module_type: str,
        name: str,
        parameters: dict[str, Any],
        seconds: tuple[int, int] = (1, 3),
        results: str | None = None,
        external_results: dict[str, str] | None = None,
    ) -> None:
        # Blocks run one after another: a block's log time never precedes the previous block's, even when
        # both run within the same second.
        self.logged_at = max(self.clock + self.rng.random() * 0.9, self.logged_at + 0.002)
        entry: dict[str, Any] = {
            "ContactId": self.contact_id,
            "ContactFlowId": self.flow.arn,
            "ContactFlowName": self.flow.name,
            "ContactFlowModuleType": module_type,
            "Identifier": _block_id(self.flow.name, name),
            "Timestamp": iso_millis(self.logged_at),
            "Parameters": parameters,
        }
        if results is not None:
            entry["Results"] = results
        if external_results is not None:
            entry["ExternalResults"] = external_results
        self.last_result = results
        self.entries.append((self.clock, orjson.dumps(entry)))
        self.clock += randint(self.rng, *seconds)

    def drops(self, probability: float) -> bool:
        if self.rng.random() < probability:
            self.outcome = "dropped"
            return True
        return False

    def invoke_lambda(self, function: str, results: dict[str, str], failure_rate: float) -> bool:
        params = {"FunctionArn": catalog.LAMBDAS[function], "TimeLimit": "3"}
        if self.rng.random() < failure_rate:
            self.lambda_errors += 1
            self.block("InvokeExternalResource", f"Invoke {function}", params, (3, 4), results=LAMBDA_ERROR)
            self.error_branches_at.append(self.logged_at)
            return False
        self.block("InvokeExternalResource", f"Invoke {function}", params, (1, 2), external_results=results)
        return True

    def to_queue(self, queue_name: str) -> None:
        queue = catalog.QUEUES[queue_name]
        self.block("SetQueue", "Set working queue", {"Queue": queue.arn})
        self.block("TransferToQueue", "Transfer to queue", {}, (0, 1))
        self.outcome, self.queue_name = "queued", queue_name

    def disconnect(self, outcome: str) -> None:
        self.block("Disconnect", "Disconnect", {}, (0, 0))
        self.outcome = outcome


def main_ivr(contact_id: str, start: float, rng: random.Random, is_open: bool, tier: str, reason_for) -> FlowRun:
    """The voice entry flow: greeting, customer lookup, hours check, menu, self-service balance."""
    run = FlowRun(contact_id, catalog.FLOWS["Main IVR"], start, rng)
    run.block("SetLoggingBehavior", "Enable logging", {"LoggingBehavior": "Enable"}, (0, 0))
    run.block("PlayPrompt", "Greeting", {"Text": "Thank you for calling Acme. Calls may be recorded."}, (4, 7))
    run.attributes["GreetingPlayed"] = "true"
    if run.drops(0.01):
        return run
    if run.invoke_lambda("customer-lookup", {"customerTier": tier, "accountFound": "true"}, 0.02):
        run.attributes["customerTier"] = tier
        run.block("SetAttributes", "Set tier", {"Key": "customerTier", "Value": tier}, (0, 1))
    run.block(
        "CheckHoursOfOperation", "Open?", {"Hours": "Voice hours"}, (0, 1), results="True" if is_open else "False"
    )
    if not is_open:
        run.block("PlayPrompt", "Closed message", {"Text": "We are closed. Our hours are 7 to 9."}, (6, 10))
        run.disconnect("closed")
        return run
    for attempt in range(2):
        roll = rng.random()
        digit = "1" if roll < 0.30 else "2" if roll < 0.68 else "3" if roll < 0.86 else "4" if roll < 0.97 else None
        run.block(
            "GetUserInput",
            "Main menu",
            {"Text": "For sales press 1, support 2, billing 3, balance 4.", "TimeLimit": "5"},
            (5, 12),
            results=digit or "Timeout",
        )
        if run.drops(0.02):
            return run
        if digit is not None:
            break
        if attempt == 1:
            digit = "2"
    if digit == "4":
        if run.invoke_lambda("balance", {"balance": f"{randint(rng, 0, 400)}.{randint(rng, 0, 99):02d}"}, 0.03):
            run.block("PlayPrompt", "Read balance", {"Text": "Your balance is $balance."}, (8, 14))
            run.block(
                "GetUserInput",
                "Anything else",
                {"Text": "Press 0 for an agent.", "TimeLimit": "4"},
                (3, 5),
                results="0" if rng.random() < 0.3 else "Timeout",
            )
            if run.last_result == "Timeout":
                run.block("PlayPrompt", "Goodbye", {"Text": "Goodbye."}, (1, 2))
                run.disconnect("contained")
                return run
        digit = "3"
    queue_name = catalog.INBOUND_VOICE_MENU[digit]
    run.attributes["callReason"] = reason_for(queue_name)
    run.block("SetAttributes", "Set reason", {"Key": "callReason", "Value": run.attributes["callReason"]}, (0, 0))
    run.to_queue(queue_name)
    return run


def chat_entry(contact_id: str, start: float, rng: random.Random, is_open: bool, reason_for) -> FlowRun:
    """The chat entry flow: a Lex bot answers order status and password resets on its own."""
    run = FlowRun(contact_id, catalog.FLOWS["Chat Entry"], start, rng)
    run.block("SetLoggingBehavior", "Enable logging", {"LoggingBehavior": "Enable"}, (0, 0))
    run.block("PlayPrompt", "Welcome", {"Text": "Hi! I am the Acme assistant."}, (1, 2))
    roll = rng.random()
    intent = "OrderStatus" if roll < 0.3 else "ResetPassword" if roll < 0.42 else "TalkToAgent"
    run.block(
        "GetUserInput",
        "Lex bot",
        {"BotAlias": "acme-care-bot:prod", "Text": "How can I help?"},
        (15, 60),
        results=intent,
    )
    run.bot_session = (run.logged_at, run.clock, intent)
    if run.drops(0.04):
        return run
    run.block("CheckHoursOfOperation", "Agents online?", {"Hours": "Chat hours"}, (0, 0), results=str(is_open))
    if not is_open:
        run.block("PlayPrompt", "Closed message", {"Text": "Our agents are offline."}, (1, 2))
        run.disconnect("closed")
        return run
    answered_by_bot = intent == "OrderStatus" and rng.random() < 0.75
    if answered_by_bot and run.invoke_lambda("order-status", {"orderStatus": "SHIPPED"}, 0.02):
        run.block("PlayPrompt", "Order status", {"Text": "Your order has shipped."}, (20, 60))
        run.disconnect("contained")
        return run
    if intent == "ResetPassword" and rng.random() < 0.5:
        run.block("PlayPrompt", "Reset link", {"Text": "I sent a reset link to your e-mail."}, (20, 60))
        run.disconnect("contained")
        return run
    run.attributes["callReason"] = reason_for("ChatSupport")
    run.attributes["botIntent"] = intent
    run.to_queue("ChatSupport")
    return run


def task_intake(contact_id: str, start: float, rng: random.Random, reason_for) -> FlowRun:
    """Back-office tasks: some are completed by automation and never queued."""
    run = FlowRun(contact_id, catalog.FLOWS["Task Intake"], start, rng)
    reason = reason_for("BackOffice")
    run.attributes["taskType"] = reason
    run.block("SetAttributes", "Set task type", {"Key": "taskType", "Value": reason}, (0, 1))
    if rng.random() < 0.2:
        run.invoke_lambda("customer-lookup", {"autoResolved": "true"}, 0.0)
        run.disconnect("contained")
        return run
    run.to_queue("BackOffice")
    return run


def queue_flow_entry(contact_id: str, at: float, rng: random.Random) -> FlowRun:
    run = FlowRun(contact_id, catalog.FLOWS["Default customer queue"], at, rng)
    run.block("PlayPrompt", "Hold music", {"AudioPrompt": "CustomerQueue.wav"}, (0, 0))
    return run


def callback_offer(contact_id: str, at: float, rng: random.Random, accepted: bool) -> FlowRun:
    run = FlowRun(contact_id, catalog.FLOWS["Default customer queue"], at, rng)
    run.block(
        "GetUserInput",
        "Offer callback",
        {"Text": "Press 1 and we will call you back.", "TimeLimit": "5"},
        (3, 6),
        results="1" if accepted else "Timeout",
    )
    if accepted:
        run.block("SetCallbackNumber", "Callback number", {"CallbackNumberAttribute": "System.CustomerNumber"})
        run.block("TransferToQueue", "Queue callback", {"InitialCallDelay": "0"}, (1, 2))
        run.disconnect("callback")
    return run


def transfer_flow(contact_id: str, at: float, rng: random.Random, to_agent: bool, queue: catalog.Queue) -> FlowRun:
    flow = catalog.FLOWS["Default agent transfer" if to_agent else "Default queue transfer"]
    run = FlowRun(contact_id, flow, at, rng)
    run.block("PlayPrompt", "Transfer whisper", {"Text": "Transferring your call."}, (1, 2))
    run.block("TransferToQueue", "Transfer to queue", {"Queue": queue.arn}, (0, 1))
    return run
