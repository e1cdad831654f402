"""The workforce-planning and ML marts on a three-week lake with the weekly demand pattern: the demand series
against the truth's contacts, the forecast and its backtest against the same method recomputed in Python from
the truth, the Erlang C staffing against an independent Python Erlang C and a published worked example, the
customer features against a recomputation that only looks before each as-of day, and the exports."""

from __future__ import annotations

import csv
import math
import subprocess
from collections import defaultdict
from datetime import date, datetime, timedelta
from pathlib import Path

import duckdb
import pytest

from connect_lake.simulate.engine import simulate
from lakes import BIN, REPO, Lake, Warehouse, dbt_env, read_csv, run_dbt, small_settings, ts

DAYS = 21
INTERVAL_S = 900
HISTORY_WEEKS = 4  # var forecast_history_weeks
HORIZON_DAYS = 7  # var forecast_horizon_days
SHRINKAGE = 0.30  # var shrinkage_pct
MARTS = ["+fct_forecast_accuracy", "+fct_staffing_requirement", "+fct_customer_features"]


@pytest.fixture(scope="module")
def weeks_lake(tmp_path_factory: pytest.TempPathFactory) -> Lake:
    root = tmp_path_factory.mktemp("weeks")
    summary = simulate(small_settings(root / "raw", root / "truth", days=DAYS, seed=11, daily_contacts=250))
    return Lake(root, summary)


@pytest.fixture(scope="module")
def planning(weeks_lake: Lake, tmp_path_factory: pytest.TempPathFactory) -> Warehouse:
    """The planning and feature marts and what they are built from, with the data tests of those models only."""
    root = tmp_path_factory.mktemp("planning")
    warehouse = Warehouse(root / "warehouse.duckdb", dbt_env(weeks_lake, root / "warehouse.duckdb"), root / "target")
    run_dbt(["run-operation", "stage_raw_sources"], warehouse.env, warehouse.target)
    run_dbt(["build", "--select", *MARTS, "--indirect-selection", "cautious"], warehouse.env, warehouse.target)
    return warehouse


def truth_series(lake: Lake) -> tuple[dict[tuple[str, str], dict[datetime, int]], list[datetime]]:
    """Contacts offered per queue x channel x 15-minute interval from the truth's legs (enqueue time), zero-filled
    over the days any queued leg spans, and the intervals of those days."""
    offered: dict[tuple[str, str], dict[datetime, int]] = defaultdict(lambda: defaultdict(int))
    seen: list[datetime] = []
    for leg in read_csv(lake.truth / "contacts.csv"):
        if not leg["queue_name"]:
            continue
        at = ts(leg["enqueued_at"] or leg["initiated_at"])
        interval = at.replace(minute=at.minute // 15 * 15, second=0, microsecond=0)
        seen.append(interval)
        if leg["is_queued"] == "1":
            offered[(leg["queue_name"], leg["channel"])][interval] += 1
    first, last = min(seen).date(), max(seen).date()
    intervals = [
        datetime.combine(first, datetime.min.time()) + timedelta(seconds=INTERVAL_S * i)
        for i in range(((last - first).days + 1) * 86_400 // INTERVAL_S)
    ]
    return {pair: dict(series) for pair, series in offered.items()}, intervals


def python_forecast(
    series: dict[datetime, int], intervals: list[datetime], anchor: date, horizon: int
) -> dict[datetime, float]:
    """fct_demand_forecast's method, written again from its documentation."""
    first = intervals[0].date()
    weeks = min(HISTORY_WEEKS, ((anchor - first).days + 1) // 7)
    weights = {k: weeks + 1 - k for k in range(1, weeks + 1)}
    seasonal_sum: dict[tuple[int, int], float] = defaultdict(float)
    daily: dict[int, list[int]] = defaultdict(list)
    weekly: dict[int, int] = defaultdict(int)
    for interval in intervals:
        day = interval.date()
        if not anchor - timedelta(days=7 * HISTORY_WEEKS) < day <= anchor:
            continue
        value = series.get(interval, 0)
        minute = interval.hour * 60 + interval.minute
        daily[minute].append(value)
        k = (anchor - day).days // 7 + 1
        if k <= weeks:
            seasonal_sum[(day.isoweekday(), minute)] += weights[k] * value
            weekly[k] += value
    level = 1.0
    weighted_weeks = sum(weights[k] * weekly[k] for k in weights)
    if weeks >= 2 and weighted_weeks > 0:
        level = min(1.25, max(0.8, weekly[1] / (weighted_weeks / sum(weights.values()))))
    forecast = {}
    for day in (anchor + timedelta(days=d) for d in range(1, horizon + 1)):
        for minute in sorted(daily):
            if weeks:
                value = seasonal_sum[(day.isoweekday(), minute)] / sum(weights.values())
            else:
                value = sum(daily[minute]) / len(daily[minute])
            forecast[datetime.combine(day, datetime.min.time()) + timedelta(minutes=minute)] = value * level
    return forecast


def anchor_of(intervals: list[datetime]) -> date:
    """The last complete day: the day before the one the last interval with a queued-queue leg ends in."""
    return (intervals[-1] + timedelta(seconds=INTERVAL_S)).date() - timedelta(days=1)


def test_the_demand_series_is_the_truths_offered_contacts_zero_filled(weeks_lake: Lake, planning: Warehouse) -> None:
    series, intervals = truth_series(weeks_lake)
    rows = planning.query(
        "select queue_name, channel, interval_start_at, contacts_offered from main_marts.fct_demand_intervals"
    )
    actual = {(q, c, t): n for q, c, t, n in rows}
    expected = {(q, c, t): series[(q, c)].get(t, 0) for (q, c) in series for t in intervals}
    assert actual == expected
    # the weekly pattern is there: a Saturday is quieter than the Monday before it
    by_day: dict[date, int] = defaultdict(int)
    for (_, _, t), n in actual.items():
        by_day[t.date()] += n
    mondays = [d for d in by_day if d.isoweekday() == 1]
    assert all(by_day[m + timedelta(days=5)] < 0.75 * by_day[m] for m in mondays)


def test_the_forecast_is_the_documented_method_recomputed(weeks_lake: Lake, planning: Warehouse) -> None:
    series, intervals = truth_series(weeks_lake)
    anchor = anchor_of(intervals)
    rows = planning.query(
        "select queue_name, channel, interval_start_at, forecast_contacts_offered, forecast_method, history_weeks "
        "from main_marts.fct_demand_forecast"
    )
    assert {(m, w) for *_, m, w in rows} == {("weekday_seasonal", 3)}
    expected = {pair: python_forecast(values, intervals, anchor, HORIZON_DAYS) for pair, values in series.items()}
    assert len(rows) == sum(len(f) for f in expected.values())
    for queue, channel, at, value, _, _ in rows:
        assert value == pytest.approx(expected[(queue, channel)][at], abs=1e-9), (queue, channel, at)


def test_the_backtest_scores_the_held_out_week(weeks_lake: Lake, planning: Warehouse) -> None:
    series, intervals = truth_series(weeks_lake)
    anchor = anchor_of(intervals) - timedelta(days=7)
    rows = planning.dicts("select * from main_marts.fct_forecast_accuracy")
    assert {(r["queue_name"], r["channel"]) for r in rows} == set(series)
    for row in rows:
        forecast = python_forecast(series[(row["queue_name"], row["channel"])], intervals, anchor, 7)
        actual = {t: series[(row["queue_name"], row["channel"])].get(t, 0) for t in forecast}
        total = sum(actual.values())
        assert row["interval_count"] == len(forecast) == 7 * 96
        assert row["actual_contacts_offered"] == total
        assert row["history_weeks"] == 2 and row["held_out_start_date"] == anchor + timedelta(days=1)
        error = sum(abs(forecast[t] - actual[t]) for t in forecast)
        assert row["wape_pct"] == pytest.approx(100 * error / total, rel=1e-9)
        assert row["bias_pct"] == pytest.approx(100 * sum(forecast[t] - actual[t] for t in forecast) / total, rel=1e-9)


def erlang_c(traffic: float, agents: int) -> float:
    """Probability of waiting, by the Erlang B recursion (a different route than the SQL's Poisson sums)."""
    blocking = 1.0
    for n in range(1, agents + 1):
        blocking = traffic * blocking / (n + traffic * blocking)
    return agents * blocking / (agents - traffic * (1 - blocking))


def service_level(traffic: float, agents: int, aht_s: float, threshold_s: float) -> float:
    return 1 - erlang_c(traffic, agents) * math.exp(-(agents - traffic) * threshold_s / aht_s)


def required_agents(traffic: float, aht_s: float, threshold_s: float, target: float) -> int:
    if traffic <= 0:
        return 0
    agents = math.floor(traffic) + 1
    while service_level(traffic, agents, aht_s, threshold_s) < target:
        agents += 1
    return agents


def test_python_erlang_c_reproduces_the_published_worked_example() -> None:
    """Call Centre Helper's "Erlang C Formula - Made Simple With an Easy Worked Example", as pyworkforce's ErlangC
    tutorial reproduces it (https://pyworkforce.readthedocs.io/en/0.5.2/tutorials/erlangc_example.html): 100 calls in
    30 minutes at 3 minutes AHT, 80 % in 20 s, 30 % shrinkage -> 14 agents, service level 88.8 %, waiting
    probability 17.4 %, occupancy 71.4 %, 20 positions after shrinkage."""
    traffic = 100 * 180 / 1_800
    agents = required_agents(traffic, 180, 20, 0.80)
    assert (traffic, agents) == (10.0, 14)
    assert round(service_level(traffic, agents, 180, 20), 3) == 0.888
    assert round(erlang_c(traffic, agents), 3) == 0.174
    assert round(traffic / agents, 3) == 0.714
    assert math.ceil(agents / (1 - SHRINKAGE) - 1e-9) == 20


def test_the_staffing_requirement_is_erlang_c(planning: Warehouse) -> None:
    rows = planning.dicts("select * from main_marts.fct_staffing_requirement")
    assert len(rows) > 1000 and sum(r["required_agents"] for r in rows) > 0
    for row in rows:
        traffic = row["forecast_contacts_offered"] * (row["forecast_avg_handle_time_s"] or 0) / INTERVAL_S
        assert row["traffic_erlangs"] == pytest.approx(traffic, abs=1e-9)
        target = row["service_level_target_pct"] / 100
        agents = required_agents(traffic, row["forecast_avg_handle_time_s"], row["service_level_threshold_s"], target)
        assert row["required_agents"] == agents, row
        assert row["required_headcount"] == math.ceil(agents / (1 - SHRINKAGE) - 1e-9)
        if agents:
            expected = service_level(
                traffic, agents, row["forecast_avg_handle_time_s"], row["service_level_threshold_s"]
            )
            assert row["expected_service_level_pct"] == pytest.approx(100 * expected, abs=1e-6)
            assert row["wait_probability"] == pytest.approx(erlang_c(traffic, agents), abs=1e-9)


def test_customer_features_look_only_before_their_day(planning: Warehouse) -> None:
    """Every feature recomputed from the journeys (and their legs and analyses) that began before the as-of day."""
    journeys = planning.dicts(
        "select root_contact_id, customer_key, channel, initiated_at, journey_date, final_disposition "
        "from main_marts.fct_contact_journeys where customer_key is not null"
    )
    legs: dict[str, list[dict]] = defaultdict(list)
    for leg in planning.dicts(
        "select root_contact_id, is_abandoned, is_transferred_out, is_callback_requested from main_marts.fct_contacts"
    ):
        legs[leg["root_contact_id"]].append(leg)
    sentiments: dict[str, list[float]] = defaultdict(list)
    for root, score in planning.query(
        "select root_contact_id, customer_sentiment_overall from main_marts.fct_contact_analysis "
        "where root_contact_id is not null and customer_sentiment_overall is not null"
    ):
        sentiments[root].append(score)
    by_customer: dict[str, list[dict]] = defaultdict(list)
    for journey in sorted(journeys, key=lambda j: (j["initiated_at"], j["root_contact_id"])):
        history = by_customer[journey["customer_key"]]
        journey["is_repeat"] = bool(history) and history[-1]["initiated_at"] >= journey["initiated_at"] - timedelta(
            days=7
        )
        journey["sentiment"] = (
            sum(sentiments[journey["root_contact_id"]]) / len(sentiments[journey["root_contact_id"]])
            if sentiments[journey["root_contact_id"]]
            else None
        )
        history.append(journey)
    rows = planning.dicts("select * from main_marts.fct_customer_features")
    assert {(r["customer_key"], r["as_of_date"]) for r in rows} == {
        (j["customer_key"], j["journey_date"]) for j in journeys
    }
    checked = 0
    for row in rows:
        prior = [
            j
            for j in by_customer[row["customer_key"]]
            if row["as_of_date"] - timedelta(days=90) <= j["journey_date"] < row["as_of_date"]
        ]
        ages = [(row["as_of_date"] - j["journey_date"]).days for j in prior]
        for days in (7, 30, 90):
            assert row[f"contacts_{days}d"] == sum(a <= days for a in ages)
            for channel in ("voice", "chat", "task"):
                expected = sum(a <= days and j["channel"] == channel.upper() for a, j in zip(ages, prior, strict=True))
                assert row[f"{channel}_contacts_{days}d"] == expected
        assert row["abandoned_contacts_90d"] == sum(
            leg["is_abandoned"] for j in prior for leg in legs[j["root_contact_id"]]
        )
        assert row["transfers_90d"] == sum(
            leg["is_transferred_out"] for j in prior for leg in legs[j["root_contact_id"]]
        )
        assert row["callback_requests_90d"] == sum(
            leg["is_callback_requested"] for j in prior for leg in legs[j["root_contact_id"]]
        )
        if prior:
            last = prior[-1]
            assert row["days_since_last_contact"] == ages[-1] >= 1
            assert (row["last_contact_channel"], row["last_contact_disposition"]) == (
                last["channel"],
                last["final_disposition"],
            )
            assert row["repeat_contact_rate_90d"] == pytest.approx(sum(j["is_repeat"] for j in prior) / len(prior))
            scores = [j["sentiment"] for j in prior if j["sentiment"] is not None]
            assert row["avg_customer_sentiment_90d"] == (pytest.approx(sum(scores) / len(scores)) if scores else None)
            checked += 1
        else:
            assert row["days_since_last_contact"] is None and row["contacts_90d"] == 0
    assert checked > 100


def test_export_demand_writes_the_target_time_series_and_the_features(planning: Warehouse, tmp_path: Path) -> None:
    out = tmp_path / "exports"
    subprocess.run(
        [str(BIN / "connect-lake"), "export-demand", "--warehouse", str(planning.path), "--out", str(out)],
        cwd=REPO,
        env=planning.env,
        check=True,
    )
    with open(out / "demand_target_time_series.csv", newline="") as handle:
        exported = list(csv.DictReader(handle))
    demand = planning.query(
        "select interval_start_at, queue_name || ':' || channel, contacts_offered from main_marts.fct_demand_intervals"
    )
    assert {(r["timestamp"], r["item_id"], int(r["target_value"])) for r in exported} == {
        (t.strftime("%Y-%m-%d %H:%M:%S"), item, n) for t, item, n in demand
    }
    assert list(exported[0]) == ["timestamp", "item_id", "target_value"]
    features = duckdb.sql(f"select * from '{out / 'customer_features.parquet'}'")
    assert features.columns == [
        c
        for (c,) in planning.query(
            "select column_name from information_schema.columns "
            "where table_name = 'fct_customer_features' order by ordinal_position"
        )
    ]
    assert features.shape[0] == planning.query("select count(*) from main_marts.fct_customer_features")[0][0]


def test_the_simulator_draws_arrivals_from_its_weekly_pattern(weeks_lake: Lake) -> None:
    """The truth's expected arrivals follow the documented weekday factors and growth, and the arrivals drawn
    agree with them as Poisson counts do (each channel's total within 4 standard deviations)."""
    from connect_lake.simulate.catalog import WEEKDAY_DEMAND, WEEKLY_GROWTH

    expected: dict[tuple[str, date], float] = defaultdict(float)
    drawn: dict[str, int] = defaultdict(int)
    for row in read_csv(weeks_lake.truth / "expected_arrivals.csv"):
        expected[(row["channel"], ts(row["interval_start_at"]).date())] += float(row["expected_arrivals"])
        drawn[row["channel"]] += int(row["new_arrivals"])
    first = min(day for _, day in expected)
    for (channel, day), total in expected.items():
        monday = first + timedelta(days=7 * ((day - first).days // 7))
        ratio = WEEKDAY_DEMAND[day.weekday()] / WEEKDAY_DEMAND[0] * (1 + WEEKLY_GROWTH) ** ((day - monday).days / 7)
        # the means are written to 6 decimals
        assert total == pytest.approx(expected[(channel, monday)] * ratio, rel=1e-5), (channel, day)
    for channel, count in drawn.items():
        mean = sum(total for (c, _), total in expected.items() if c == channel)
        assert abs(count - mean) < 4 * math.sqrt(mean), channel


def test_repeat_windows_close_once_the_data_passes_them(weeks_lake: Lake, planning: Warehouse) -> None:
    """A journey's repeat window is closed (its FCR and repeat flags final) exactly when fcr_window_days after it
    began lie within the data: before the newest contact the raw records hold began."""
    records = weeks_lake.newest_records().values()
    horizon = max(ts(r["InitiationTimestamp"]) for r in records)
    rows = planning.query("select initiated_at, is_repeat_window_closed from main_marts.fct_contact_journeys")
    assert {closed for _, closed in rows} == {True, False}
    wrong = [(began, closed) for began, closed in rows if closed != (began + timedelta(days=7) <= horizon)]
    assert wrong == []


def test_completeness_is_what_the_raw_records_allow(weeks_lake: Lake, planning: Warehouse) -> None:
    """Per channel, the data's cut (the newest disconnect), the longest contact and the newest contact's start,
    recomputed from the raw records; and an interval is final exactly when it ended the channel's longest contact
    before the cut: the last hours of voice and chat, and more of tasks, are not."""
    records = list(weeks_lake.newest_records().values())
    ended = [r for r in records if r.get("DisconnectTimestamp")]
    cut = max(ts(r["DisconnectTimestamp"]) for r in ended)
    newest = max(ts(r["InitiationTimestamp"]) for r in records)
    longest: dict[str, timedelta] = defaultdict(timedelta)
    for r in ended:
        span = ts(r["DisconnectTimestamp"]) - ts(r["InitiationTimestamp"])
        longest[r["Channel"]] = max(longest[r["Channel"]], span)
    completeness = {
        channel: (cut_at, newest_at, timedelta(seconds=longest_s), contacts_until, windows_until)
        for channel, cut_at, newest_at, longest_s, contacts_until, windows_until in planning.query(
            "select channel, data_cut_at, newest_contact_at, longest_contact_s, contacts_final_until_at,"
            " repeat_windows_final_until_at from main_marts.fct_data_completeness"
        )
    }
    assert completeness == {
        channel: (cut, newest, span, cut - span, newest - timedelta(days=7)) for channel, span in longest.items()
    }
    rows = planning.query("select channel, interval_end_at, is_complete_period from main_marts.fct_queue_intervals")
    wrong = [row for row in rows if row[2] != (row[1] + longest[row[0]] <= cut)]
    assert wrong == []
    pending = {channel for channel, _, complete in rows if not complete}
    assert {"VOICE", "TASK"} <= pending
    assert longest["TASK"] > longest["VOICE"]
