"""Benchmark: how accurate is the baseline forecast on the simulated centre, against the truth?

Simulates WEEKS weeks (the weekly demand pattern and growth on), builds the planning marts on DuckDB, and
reports for the last week held out:
  - fct_forecast_accuracy: WAPE and bias per queue x channel at the 15-minute grain, and over all queues;
  - against the truth's expected arrivals (the Poisson means the simulator drew new inbound contacts from, per
    channel, repeat contacts apart): the same method (fct_demand_forecast's, recomputed as the tests hold it)
    forecasting each channel's new inbound contacts, scored against the means (how far from the truth the
    forecast is) and against the arrivals drawn, beside the WAPE of the means themselves against the arrivals
    drawn: the noise floor no forecast beats at that grain. At 15 minutes, hourly and daily.
Printed, and appended to benchmarks/results/forecast_accuracy.jsonl.

    .venv/bin/python benchmarks/forecast_accuracy.py                      # 5 weeks at 2,000 contacts a day
    .venv/bin/python benchmarks/forecast_accuracy.py --weeks 3 --daily-contacts 500
"""

from __future__ import annotations

import argparse
import csv
import os
import subprocess
import sys
import tempfile
from collections import defaultdict
from datetime import datetime, timedelta
from pathlib import Path

import duckdb
from results_log import append, stamp

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
BIN = Path(sys.executable).parent
sys.path.insert(0, str(REPO / "pytests"))

from test_planning_against_truth import python_forecast  # noqa: E402  the method, as the tests hold it

GRAINS = {"15min": 900, "hourly": 3_600, "daily": 86_400}


def ts(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00")).replace(tzinfo=None)


def wape(forecast: dict[datetime, float], actual: dict[datetime, float], grain_s: int) -> float:
    """WAPE of two interval series summed to a coarser grain."""
    f: dict[int, float] = defaultdict(float)
    a: dict[int, float] = defaultdict(float)
    for t, v in forecast.items():
        f[int(t.timestamp()) // grain_s] += v
        a[int(t.timestamp()) // grain_s] += actual.get(t, 0)
    return round(100 * sum(abs(f[k] - a[k]) for k in f) / sum(a.values()), 1)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--weeks", type=int, default=5, help="weeks to simulate (the last is held out)")
    parser.add_argument("--daily-contacts", type=int, default=2_000, help="contacts on a typical weekday")
    parser.add_argument("--seed", type=int, default=42)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="connect-lake-forecast-") as scratch:
        root = Path(scratch)
        raw, truth, warehouse = root / "raw", root / "truth", root / "warehouse.duckdb"
        subprocess.run(
            [
                *(str(BIN / "connect-lake"), "simulate", "--days", str(7 * args.weeks), "--seed", str(args.seed)),
                *("--daily-contacts", str(args.daily_contacts), "--out", str(raw), "--truth-out", str(truth)),
                "--quiet",
            ],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        env = {
            **os.environ,
            "CONNECT_LAKE_RAW_PATH": str(raw),
            "CONNECT_LAKE_DUCKDB_PATH": str(warehouse),
            "DBT_PROFILES_DIR": str(REPO),
            "CONNECT_LAKE_TARGET": "duckdb",
        }
        target = ["--target-path", str(root / "target")]
        subprocess.run(
            [str(BIN / "dbt"), "run-operation", "stage_raw_sources", *target],
            cwd=REPO,
            env=env,
            check=True,
            stdout=subprocess.DEVNULL,
        )
        subprocess.run(
            [
                str(BIN / "dbt"),
                "build",
                "--select",
                "+fct_forecast_accuracy",
                "--indirect-selection",
                "cautious",
                *target,
            ],
            cwd=REPO,
            env=env,
            check=True,
            stdout=subprocess.DEVNULL,
        )
        with duckdb.connect(str(warehouse), read_only=True) as con:
            per_queue = con.sql(
                "select queue_name || ':' || channel, actual_contacts_offered, round(wape_pct, 1), round(bias_pct, 1) "
                "from main_marts.fct_forecast_accuracy order by 1"
            ).fetchall()
            overall, bias, held_out_start_date = con.sql(
                "select round(100 * sum(absolute_error) / sum(actual_contacts_offered), 1), "
                "round(100 * sum(forecast_contacts_offered - actual_contacts_offered) "
                "/ sum(actual_contacts_offered), 1), "
                "min(held_out_start_date) from main_marts.fct_forecast_accuracy"
            ).fetchall()[0]
        anchor = held_out_start_date - timedelta(days=1)
        expected: dict[str, dict[datetime, float]] = defaultdict(dict)
        arrivals: dict[str, dict[datetime, int]] = defaultdict(dict)
        with open(truth / "expected_arrivals.csv", newline="") as handle:
            for row in csv.DictReader(handle):
                expected[row["channel"]][ts(row["interval_start_at"])] = float(row["expected_arrivals"])
                arrivals[row["channel"]][ts(row["interval_start_at"])] = int(row["new_arrivals"])
        against_truth = {}
        for channel, means in expected.items():
            intervals = sorted(means)
            forecast = python_forecast(arrivals[channel], intervals, anchor, 7)
            week_means = {t: means[t] for t in forecast}
            against_truth[channel] = {
                grain: {
                    "forecast_vs_expected": wape(forecast, week_means, seconds),
                    "forecast_vs_actual": wape(forecast, arrivals[channel], seconds),
                    "expected_vs_actual_floor": wape(week_means, arrivals[channel], seconds),
                }
                for grain, seconds in GRAINS.items()
            }
    append(
        "forecast_accuracy",
        {
            **stamp(),
            "weeks": args.weeks,
            "daily_contacts": args.daily_contacts,
            "held_out_start_date": str(held_out_start_date),
            "queue_wape_15min_pct": overall,
            "queue_bias_pct": bias,
            "per_queue": [{"series": s, "offered": n, "wape_pct": w, "bias_pct": b} for s, n, w, b in per_queue],
            "new_arrivals_by_channel_wape_pct": against_truth,
        },
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
