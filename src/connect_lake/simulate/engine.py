"""Run one simulation: build the instance, run the SimPy environment, flush the landing zone and the truth."""

from __future__ import annotations

import random
import shutil
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import simpy
from tqdm import tqdm

from connect_lake.landing.firehose import DeliveryFaults, DocumentWriter, FirehoseStream
from connect_lake.landing.manifest import LandingManifest
from connect_lake.landing.writer import BackgroundWriter
from connect_lake.simulate import config_snapshots
from connect_lake.simulate.catalog import ChannelMix, demand_factor
from connect_lake.simulate.center import ContactCenter
from connect_lake.simulate.customers import build_population
from connect_lake.simulate.delivery import ContactFaults, Streams
from connect_lake.simulate.timefmt import parse_date
from connect_lake.simulate.truth import TruthWriter
from connect_lake.simulate.workforce import Workforce, hire, hourly_rates

SOURCES = (
    "contact_records",
    "agent_events",
    "contact_flow_logs",
    "customer_profiles",
    "contact_lens",
    "connect_config",
    "cloudwatch_metrics",
    "cloudtrail",
    "lex_conversation_logs",
)
DRAIN_S = 4 * 3_600  # after the last arrival, in-flight contacts finish and agents log out
TICK_S = 900


@dataclass
class Settings:
    out: Path
    truth_out: Path
    days: int = 3
    seed: int = 42
    start_date: str = "2026-11-02"
    daily_contacts: int = 2_500
    staffing_factor: float = 0.92
    buffer_s: int = 300
    gzip_level: int = 6
    mix: ChannelMix = field(default_factory=ChannelMix)
    contact_faults: ContactFaults = field(default_factory=ContactFaults)
    delivery_faults: DeliveryFaults = field(default_factory=DeliveryFaults)
    progress: bool = True
    overwrite: bool = False


def prepare_dir(path: Path, overwrite: bool, expected: tuple[str, ...]) -> None:
    if path.exists() and any(path.iterdir()):
        if not overwrite:
            raise SystemExit(f"{path} is not empty; pass --overwrite to replace its contents")
        for child in path.iterdir():
            if child.name in expected or child.suffix in (".csv", ".json"):
                shutil.rmtree(child) if child.is_dir() else child.unlink()
    path.mkdir(parents=True, exist_ok=True)


def build_streams(settings: Settings, manifest: LandingManifest, writer: BackgroundWriter) -> Streams:
    def firehose(source: str, name: str, phase: int) -> FirehoseStream:
        return FirehoseStream(
            root=settings.out,
            source=source,
            stream_name=name,
            buffer_s=settings.buffer_s,
            phase_s=phase % settings.buffer_s,
            rng=random.Random(f"{settings.seed}/firehose/{source}"),
            manifest=manifest,
            writer=writer,
            faults=settings.delivery_faults,
            compresslevel=settings.gzip_level,
        )

    return Streams(
        contact_records=firehose("contact_records", "acme-care-ctr", 97),
        agent_events=firehose("agent_events", "acme-care-agent-events", 211),
        contact_flow_logs=firehose("contact_flow_logs", "acme-care-flow-logs", 43),
        customer_profiles=firehose("customer_profiles", "acme-care-profiles", 157),
        cloudwatch_metrics=firehose("cloudwatch_metrics", "acme-care-metric-stream", 71),
        lex_conversation_logs=firehose("lex_conversation_logs", "acme-care-lex-logs", 127),
        contact_lens=DocumentWriter(
            settings.out,
            manifest,
            writer,
            rng=random.Random(f"{settings.seed}/contact_lens/faults"),
            faults=settings.delivery_faults,
        ),
    )


def simulate(settings: Settings) -> dict[str, Any]:
    started = time.perf_counter()
    prepare_dir(settings.out, settings.overwrite, SOURCES)
    prepare_dir(settings.truth_out, settings.overwrite, ())
    start = parse_date(settings.start_date)
    arrivals_end = start + settings.days * 86_400
    horizon = arrivals_end + DRAIN_S

    env = simpy.Environment(initial_time=start)
    manifest = LandingManifest(settings.truth_out)
    truth = TruthWriter(settings.truth_out)
    writer = BackgroundWriter()
    streams = build_streams(settings, manifest, writer)
    rng = random.Random(f"{settings.seed}/population")
    population = min(150_000, max(1_000, settings.daily_contacts * 20))
    customers = build_population(population, rng)
    center = ContactCenter(
        env, settings.seed, customers, streams, truth, settings.contact_faults, arrivals_end, horizon
    )

    # Profiles that exist before the period are streamed once as it starts (the stream was switched on).
    for i, customer in enumerate(c for c in customers if not c.is_new):
        customer.profile_created = True
        center.deliver.profile_event(customer, "CREATED", start + i * 600 / population)

    rates = hourly_rates(settings.daily_contacts, settings.mix)
    agents = hire(rates, settings.staffing_factor, random.Random(f"{settings.seed}/hiring"))
    center.agents = agents
    workforce = Workforce(env, agents, center.agent_stream, center.router, settings.seed, start, settings.days)
    workforce.start_all()
    for channel in ("VOICE", "CHAT", "TASK"):
        env.process(center.arrivals(channel, rates[channel], start))
    env.process(center.outbound_dialer(rates["OUTBOUND"], start))

    bar = tqdm(
        total=(horizon - start) // 3_600,
        unit="sim h",
        desc="simulating",
        disable=not settings.progress,
        mininterval=1.0,
    )

    def ticker():
        while env.now < horizon:
            yield env.timeout(TICK_S)
            # heartbeats are written lazily; bring them up to now before their buffer windows close, so they
            # land in the objects of the minutes they arrived in, as Firehose would have put them
            for agent in agents:
                center.agent_stream.fill_heartbeats(agent, env.now)
            for stream in streams.firehoses():
                stream.flush_until(env.now)
            if int(env.now - start) % 3_600 == 0:
                bar.update(1)
                bar.set_postfix(contacts=center.count.legs, refresh=False)

    env.process(ticker())
    env.run(until=horizon)
    bar.close()

    for agent in agents:
        center.agent_stream.fill_heartbeats(agent, horizon)
    instance_datapoints = center.instance_metrics.deliver(
        streams.cloudwatch_metrics,
        settings.truth_out,
        start,
        horizon,
        random.Random(f"{settings.seed}/instance-metrics"),
        settings.contact_faults.metric_duplicate_rate,
    )
    bot_turns = center.bot_conversations.deliver(
        streams.lex_conversation_logs, settings.truth_out, start, horizon, settings.contact_faults.metric_duplicate_rate
    )
    center.audit_trail.management_events(start, settings.days, [agent.agent_id for agent in agents])
    cloudtrail_events = center.audit_trail.deliver(
        settings.out,
        settings.truth_out,
        manifest,
        writer,
        horizon,
        settings.delivery_faults.malformed_line_rate,
        settings.delivery_faults.corrupt_object_rate,
    )
    for stream in streams.firehoses():
        stream.close()
    writer.close()
    # the instance's configuration, as snapshot-config writes it once a day
    config_objects = config_snapshots.write(settings.out, manifest, workforce.versions, start, settings.days)
    manifest.close()
    workforce_versions = workforce.versions
    truth.agents(workforce_versions)
    truth.expected_arrivals(
        [
            (channel, at, rates[channel][(hour % 86_400) // 3_600] * demand_factor(hour, start) / 4, drawn)
            for channel in ("VOICE", "CHAT", "TASK")
            for hour in range(start, arrivals_end, 3_600)
            for at in range(hour, hour + 3_600, 900)
            for drawn in (center.new_arrivals.get((channel, at), 0),)
        ]
    )
    elapsed = time.perf_counter() - started
    summary = {
        "settings": {
            "days": settings.days,
            "seed": settings.seed,
            "start_date": settings.start_date,
            "daily_contacts": settings.daily_contacts,
            "staffing_factor": settings.staffing_factor,
            "buffer_s": settings.buffer_s,
            "contact_faults": asdict(settings.contact_faults),
            "delivery_faults": asdict(settings.delivery_faults),
            "mix": asdict(settings.mix),
        },
        "period": {"start_at": start, "arrivals_end_at": arrivals_end, "horizon_at": horizon},
        "counts": {
            **{k: v for k, v in asdict(center.count).items()},
            "contact_legs_delivered": truth.legs_written,
            "agents": len(agents),
            "agent_events": center.agent_stream.events_published,
            "agent_event_duplicates": center.agent_stream.duplicates_published,
            "customers": len(customers),
            "late_objects": manifest.late_objects,
            "malformed_lines": manifest.malformed_lines,
            "corrupt_objects": manifest.corrupt_objects,
            "records_written": {s.source: s.records_written for s in streams.firehoses()},
            "contact_lens_files": streams.contact_lens.documents_written,
            "config_snapshot_objects": config_objects,
            "instance_metric_datapoints": instance_datapoints,
            "cloudtrail_events": cloudtrail_events,
            "bot_turns": bot_turns,
        },
        "elapsed_s": round(elapsed, 2),
    }
    truth.close(summary)
    return summary
