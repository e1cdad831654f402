"""`connect-lake`: the project's command line.

connect-lake simulate --days 3 --seed 42 --out data/raw
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from connect_lake import build, trino_server
from connect_lake.connect_api import reconcile, snapshot
from connect_lake.dashboard import cli as dashboard_cli
from connect_lake.dashboard import figures
from connect_lake.export import demand as export_demand
from connect_lake.landing import check_objects
from connect_lake.landing.firehose import DeliveryFaults
from connect_lake.simulate.center import ContactFaults


def _simulate_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "simulate",
        help="simulate an Amazon Connect instance and land its raw data as Connect and Firehose do",
        description=(
            "Run a seeded discrete-event simulation of one Amazon Connect instance and write its raw data "
            "(contact records, agent events, flow logs, Contact Lens, Customer Profiles) under --out, laid "
            "out as the services land it in S3, and the ground truth under --truth-out."
        ),
        formatter_class=argparse.ArgumentDefaultsHelpFormatter,
    )
    raw_default = os.environ.get("CONNECT_LAKE_RAW_PATH", "data/raw")
    p.add_argument("--days", type=int, default=3, help="days of traffic to simulate")
    p.add_argument("--seed", type=int, default=42, help="random seed; the same seed gives the same bytes")
    p.add_argument("--out", type=Path, default=Path(raw_default), help="landing folder (env CONNECT_LAKE_RAW_PATH)")
    p.add_argument(
        "--truth-out",
        type=Path,
        default=None,
        help="ground-truth folder, outside the landing folder (default: <out>/../truth)",
    )
    p.add_argument("--start-date", default="2026-11-02", help="first simulated day (UTC), YYYY-MM-DD")
    p.add_argument(
        "--daily-contacts",
        type=int,
        default=2_500,
        help="contacts per day across voice, chat, tasks and outbound (repeats come on top)",
    )
    p.add_argument(
        "--staffing-factor",
        type=float,
        default=0.92,
        help="headcount relative to the forecast need; below 1 means longer waits and abandons",
    )
    p.add_argument("--buffer-seconds", type=int, default=300, help="Firehose buffer interval (60-900)")
    p.add_argument("--gzip-level", type=int, default=6, help="gzip level of the Firehose objects (1-9)")
    faults = p.add_argument_group("faults of the real service")
    faults.add_argument(
        "--duplicate-rate", type=float, default=0.02, help="share of CTRs delivered twice (at-least-once)"
    )
    faults.add_argument(
        "--redelivery-rate",
        type=float,
        default=0.03,
        help="share of CTRs re-delivered 1-7 days later with newer LastUpdateTimestamp",
    )
    faults.add_argument(
        "--case-duplicate-key-rate",
        type=float,
        default=0.02,
        help="share of voice contacts whose Attributes hold keys differing only by case",
    )
    faults.add_argument(
        "--late-object-rate",
        type=float,
        default=0.01,
        help="share of Firehose objects that become visible 1-30 hours late",
    )
    faults.add_argument(
        "--malformed-line-rate",
        type=float,
        default=0.0,
        help="share of lines followed by an injected malformed line: not JSON, not UTF-8, or a copy of the "
        "record missing a field, with a timestamp that is not ISO-8601, a number that does not fit, or a "
        "negative duration",
    )
    faults.add_argument(
        "--corrupt-object-rate",
        type=float,
        default=0.0,
        help="share of objects followed by an unreadable copy: zero bytes, a gzip stream cut short, or "
        "uncompressed bytes named .gz",
    )
    faults.add_argument(
        "--agent-event-duplicate-rate",
        type=float,
        default=0.005,
        help="share of agent events delivered twice (same EventId)",
    )
    faults.add_argument(
        "--reanalysis-rate",
        type=float,
        default=0.02,
        help="share of Contact Lens analyses run again later (newer files supersede the first)",
    )
    faults.add_argument("--no-faults", action="store_true", help="switch every fault off")
    p.add_argument("--overwrite", action="store_true", help="replace what --out and --truth-out already hold")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.set_defaults(func=_run_simulate)


def _run_simulate(args: argparse.Namespace) -> int:
    from connect_lake.simulate.engine import Settings, simulate

    out = args.out.resolve()
    truth_out = (args.truth_out or out.parent / "truth").resolve()
    if truth_out == out or out in truth_out.parents:
        raise SystemExit("--truth-out must be outside the landing folder")
    off = args.no_faults
    settings = Settings(
        out=out,
        truth_out=truth_out,
        days=args.days,
        seed=args.seed,
        start_date=args.start_date,
        daily_contacts=args.daily_contacts,
        staffing_factor=args.staffing_factor,
        buffer_s=args.buffer_seconds,
        gzip_level=args.gzip_level,
        contact_faults=ContactFaults(
            duplicate_rate=0.0 if off else args.duplicate_rate,
            redelivery_rate=0.0 if off else args.redelivery_rate,
            case_duplicate_key_rate=0.0 if off else args.case_duplicate_key_rate,
            agent_event_duplicate_rate=0.0 if off else args.agent_event_duplicate_rate,
            reanalysis_rate=0.0 if off else args.reanalysis_rate,
        ),
        delivery_faults=DeliveryFaults(
            malformed_line_rate=0.0 if off else args.malformed_line_rate,
            late_object_rate=0.0 if off else args.late_object_rate,
            corrupt_object_rate=0.0 if off else args.corrupt_object_rate,
        ),
        progress=not args.quiet,
        overwrite=args.overwrite,
    )
    summary = simulate(settings)
    counts = summary["counts"]
    print(
        f"landed {counts['contact_legs_delivered']:,} contact legs ({counts['ctr_copies']:,} CTR copies + "
        f"{counts['duplicates']:,} duplicates + {counts['redeliveries']:,} re-deliveries), "
        f"{counts['agent_events']:,} agent events, {counts['flow_log_entries']:,} flow-log entries, "
        f"{counts['contact_lens_files']:,} Contact Lens files, {counts['profile_events']:,} profile events "
        f"in {summary['elapsed_s']:.1f} s\n  raw:   {out}\n  truth: {truth_out}"
    )
    return 0


def _replay_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "replay",
        help="rebuild a landing zone as it looked at a moment (objects visible by then)",
        description="Link every object of --raw that was visible at --until (per the simulator's manifest "
        "landing_objects.csv) into --out: the landing zone an incremental run would have seen then.",
        formatter_class=argparse.ArgumentDefaultsHelpFormatter,
    )
    p.add_argument("--raw", type=Path, required=True, help="the simulated landing folder")
    p.add_argument("--truth", type=Path, default=None, help="its truth folder (default: <raw>/../truth)")
    p.add_argument("--until", required=True, help="cut-off, ISO-8601 UTC, e.g. 2026-11-04T00:00:00Z")
    p.add_argument("--out", type=Path, required=True, help="where to lay the replayed landing zone")
    p.set_defaults(func=_run_replay)


def _run_replay(args: argparse.Namespace) -> int:
    from connect_lake.landing.replay import replay

    truth = args.truth or args.raw.resolve().parent / "truth"
    count = replay(args.raw, truth / "landing_objects.csv", args.until, args.out)
    print(f"replayed {count:,} objects visible by {args.until} into {args.out}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="connect-lake",
        description="Tooling for the connect_lake dbt project (Amazon Connect analytics on Athena and DuckDB).",
    )
    sub = parser.add_subparsers(dest="command", required=True)
    _simulate_parser(sub)
    _replay_parser(sub)
    build.add_parser(sub)
    check_objects.add_parser(sub)
    trino_server.add_parser(sub)
    dashboard_cli.add_parser(sub)
    figures.add_parser(sub)
    reconcile.add_parser(sub)
    snapshot.add_parser(sub)
    export_demand.add_parser(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
