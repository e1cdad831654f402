"""The semantic layer: `mf validate-configs` passes, and every metric, asked for with `mf query` at day x queue,
day x agent or day grain over the test lake's warehouse, equals the KPI recomputed from the simulator's truth by
Amazon Connect's definitions (pytests/truths.py). The ratios are sums over sums at the grain asked for, so
averaging a mart's stored per-interval percentages, the trap an analyst falls into, is shown to differ."""

from __future__ import annotations

import json
from collections import defaultdict
from datetime import date

import pytest

from lakes import Lake, MetricFlow, Warehouse, read_csv, ts
from truths import (
    BOT_METRICS,
    INSTANCE_HEALTH_METRICS,
    SPAN_END_TOLERANCE_S,
    queue_day_sums,
    ratio,
    repeat_followed,
    spans,
    truth_agent_days,
)

QUEUE_COUNTS = (
    "contacts_queued",
    "contacts_handled",
    "contacts_answered",
    "contacts_abandoned",
    "contacts_answered_in_x",
    "contacts_abandoned_in_x",
    "contacts_removed_from_queue_in_x",
    "contacts_transferred_out",
    "contacts_callback_requested",
    "sum_queue_answer_time_s",
    "sum_handle_time_s",
    "sum_after_contact_work_time_s",
    "sum_customer_hold_time_s",
    "max_queued_time_s",
)
# metric -> (numerator, denominator, scale) over the truth's sums
QUEUE_RATIOS = {
    "service_level": ("contacts_removed_from_queue_in_x", "contacts_queued", 1),
    "service_level_pct": ("contacts_removed_from_queue_in_x", "contacts_queued", 100),
    "answered_in_x_rate": ("contacts_answered_in_x", "contacts_queued", 1),
    "answered_in_x_pct": ("contacts_answered_in_x", "contacts_queued", 100),
    "abandonment_rate": ("contacts_abandoned", "contacts_queued", 1),
    "abandonment_rate_pct": ("contacts_abandoned", "contacts_queued", 100),
    "avg_queue_answer_time_s": ("sum_queue_answer_time_s", "contacts_answered", 1),
    "avg_handle_time_s": ("sum_handle_time_s", "contacts_handled", 1),
    "avg_after_contact_work_time_s": ("sum_after_contact_work_time_s", "contacts_handled", 1),
    "avg_hold_time_all_contacts_s": ("sum_customer_hold_time_s", "contacts_handled", 1),
}
# the per-channel twins of the queue ratios: metric -> (channel, ratio of QUEUE_RATIOS it restricts)
CHANNEL_RATIOS = {
    f"{channel.lower()}_{ratio_name}": (channel, ratio_name)
    for channel in ("VOICE", "CHAT", "TASK")
    for ratio_name in (
        "service_level",
        "service_level_pct",
        "abandonment_rate",
        "abandonment_rate_pct",
        "avg_queue_answer_time_s",
        "avg_handle_time_s",
    )
}
AGENT_TIMES = {  # metric -> the truth's agent-day total
    "online_time_s": "online_time_s",
    "agent_idle_time_s": "agent_idle_time_s",
    "agent_on_contact_time_s": "agent_on_contact_time_s",
    "non_productive_time_s": "non_productive_time_s",
    "agent_after_contact_work_time_s": "after_contact_work_time_s",
}
AGENT_METRICS = (
    *AGENT_TIMES,
    "agent_contact_and_idle_time_s",
    "agent_non_response",
    "agent_contacts_handled",
    "occupancy",
    "occupancy_pct",
)
JOURNEY_METRICS = (
    "journeys",
    "handled_journeys",
    "first_contact_resolved_journeys",
    "repeat_followed_journeys",
    "first_contact_resolution_rate",
    "first_contact_resolution_pct",
    "repeat_contact_rate",
    "repeat_contact_pct",
)
IVR_METRICS = (
    "ivr_entries",
    "ivr_contained",
    "ivr_dropped",
    "ivr_reached_queue",
    "ivr_containment_rate",
    "ivr_containment_pct",
)
SENTIMENT_METRICS = (
    "analysed_contacts",
    "sum_customer_sentiment",
    "customer_sentiment_scored",
    "sum_agent_sentiment",
    "agent_sentiment_scored",
    "avg_customer_sentiment",
    "avg_agent_sentiment",
)
# call quality, recomputed from the truth's voice legs by quality_sums
QUALITY_METRICS = (
    "agent_audio_scored_legs",
    "sum_agent_audio_quality_score",
    "customer_audio_scored_legs",
    "sum_customer_audio_quality_score",
    "audio_scored_legs",
    "legs_with_audio_quality_issue",
    "avg_agent_audio_quality_score",
    "avg_customer_audio_quality_score",
    "audio_quality_issue_rate",
)
TESTED = {
    *QUEUE_COUNTS,
    *INSTANCE_HEALTH_METRICS,
    *QUALITY_METRICS,
    *QUEUE_RATIOS,
    *CHANNEL_RATIOS,
    *AGENT_METRICS,
    *JOURNEY_METRICS,
    *IVR_METRICS,
    *SENTIMENT_METRICS,
    *BOT_METRICS,
    "contact_legs",
}


def number(text: str) -> float | None:
    return None if text == "" else float(text)


def day_of(text: str) -> date:
    return date.fromisoformat(text[:10])


def close(actual: float | None, expected: float | None, tolerance: float = 1e-9) -> bool:
    if actual is None or expected is None:
        return actual is None and expected is None
    return abs(actual - expected) <= max(tolerance, 1e-9 * abs(expected))


@pytest.fixture(scope="module")
def legs(lake: Lake) -> list[dict[str, str]]:
    return read_csv(lake.truth / "contacts.csv")


def test_validate_configs_passes(mf: MetricFlow) -> None:
    """MetricFlow's own checks: the semantic manifest, then every dimension, entity, measure and metric
    queried against the built warehouse."""
    result = mf.run(["validate-configs"])
    output = result.stdout + result.stderr
    assert result.returncode == 0, output[-3000:]
    assert output.count("ERRORS: 0") >= 6 and "against data warehouse" in output, output[-3000:]


def test_every_metric_is_held_against_the_truth(warehouse: Warehouse) -> None:
    manifest = json.loads((warehouse.target / "semantic_manifest.json").read_text())
    assert {m["name"] for m in manifest["metrics"]} == TESTED


def test_queue_metrics_by_day_and_queue_equal_the_truth(mf: MetricFlow, legs) -> None:
    expected = queue_day_sums(leg for leg in legs if leg["queue_arn"])
    rows = mf.query((*QUEUE_COUNTS, *QUEUE_RATIOS), ("metric_time__day", "queue_interval__queue_arn"))
    actual = {(day_of(r["metric_time__day"]), r["queue_interval__queue_arn"]): r for r in rows}
    assert set(actual) == set(expected) and len(expected) >= 15
    assert any("/queue/agent/" in queue for _, queue in expected), "agent queues are queues too"
    wrong = []
    for key, sums in expected.items():
        for metric in QUEUE_COUNTS:
            # a maximum over no queued contact is none, not 0
            want = sums.get(metric) if metric.startswith("max_") else sums[metric]
            if number(actual[key][metric]) != want:
                wrong.append((key, metric, actual[key][metric], want))
        for metric, (numerator, denominator, scale) in QUEUE_RATIOS.items():
            want = ratio(sums[numerator], sums[denominator], scale)
            if not close(number(actual[key][metric]), want):
                wrong.append((key, metric, actual[key][metric], want))
    assert not wrong, wrong[:5]


def test_channel_metrics_by_day_equal_the_truth_of_their_channel(mf: MetricFlow, legs) -> None:
    """Each per-channel KPI over a day is the KPI over that day's contacts of its channel only (the truth's sums
    per day x channel), whatever the query groups by: the channel is the metric's own filter."""
    sums: dict[tuple, dict[str, float]] = {}
    for channel in ("VOICE", "CHAT", "TASK"):
        for (day, _), measures in queue_day_sums(
            (leg for leg in legs if leg["queue_arn"] and leg["channel"] == channel), queue_key="channel"
        ).items():
            sums[(day, channel)] = measures
    rows = mf.query(tuple(CHANNEL_RATIOS), ("metric_time__day",))
    assert len(rows) >= 3
    wrong = []
    for row in rows:
        day = day_of(row["metric_time__day"])
        for metric, (channel, ratio_name) in CHANNEL_RATIOS.items():
            numerator, denominator, scale = QUEUE_RATIOS[ratio_name]
            measures = sums.get((day, channel))
            want = None if measures is None else ratio(measures[numerator], measures[denominator], scale)
            if not close(number(row[metric]), want):
                wrong.append((day, metric, row[metric], want))
    assert not wrong, wrong[:5]
    # the blend misleads, which is why these exist: tasks wait far longer than voice and chat
    task = [number(r["task_avg_queue_answer_time_s"]) for r in rows]
    voice = [number(r["voice_avg_queue_answer_time_s"]) for r in rows]
    assert all(t is not None and v is not None and t > 10 * v for t, v in zip(task, voice, strict=True))


def test_averaging_the_stored_percentages_would_not_match(warehouse: Warehouse, legs) -> None:
    """Why the metrics exist: the mean of fct_queue_intervals.service_level_pct over a day's intervals is not
    the day's service level, which is what the metric test above holds."""
    expected = queue_day_sums(leg for leg in legs if leg["queue_arn"])
    averaged = warehouse.query(
        "select interval_date, queue_arn, avg(service_level_pct) from main_marts.fct_queue_intervals"
        " where contacts_queued > 0 group by 1, 2"
    )
    off = [
        (day, queue)
        for day, queue, mean in averaged
        if abs(
            mean
            - ratio(
                expected[(day, queue)]["contacts_removed_from_queue_in_x"],
                expected[(day, queue)]["contacts_queued"],
                100,
            )
        )
        > 1
    ]
    assert len(off) >= len(averaged) // 2, (len(off), len(averaged))


def test_agent_metrics_by_day_and_agent_equal_the_truth(mf: MetricFlow, lake: Lake) -> None:
    status_truth = spans(lake, "agent_status_spans.csv")
    contact_truth = spans(lake, "agent_contact_spans.csv")
    usernames = {r["agent_id"]: r["agent_username"] for r in read_csv(lake.truth / "agents.csv")}
    totals = truth_agent_days(status_truth, contact_truth)
    counts: dict[tuple, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    span_count: dict[tuple, int] = defaultdict(int)
    first_connect: dict[tuple, object] = {}
    for r in contact_truth:
        key = (r["agent_id"], r["start"].date())
        span_count[key] += 1
        counts[key]["agent_non_response"] += r["state"] in ("MISSED", "REJECTED")
        if r["state"] == "CONNECTED":
            contact = (r["agent_id"], r["contact_id"])
            first_connect[contact] = min(first_connect.get(contact, r["start"]), r["start"])
    for (agent_id, _), start in first_connect.items():
        counts[(agent_id, start.date())]["agent_contacts_handled"] += 1
    for r in status_truth:
        span_count[(r["agent_id"], r["start"].date())] += 1

    rows = mf.query(AGENT_METRICS, ("metric_time__day", "agent_version__agent_username"))
    actual = {(r["agent_version__agent_username"], day_of(r["metric_time__day"])): r for r in rows}
    wrong = []
    checked = 0
    for (agent_id, day), want in totals.items():
        if want.get("online_time_s", 0) == 0:
            continue
        got = actual[(usernames[agent_id], day)]
        tolerance = SPAN_END_TOLERANCE_S * span_count[(agent_id, day)]
        for metric, truth_name in AGENT_TIMES.items():
            if abs((number(got[metric]) or 0) - want.get(truth_name, 0)) > tolerance:
                wrong.append((agent_id, day, metric, got[metric], want.get(truth_name)))
        on, idle = want.get("agent_on_contact_time_s", 0), want.get("agent_idle_time_s", 0)
        if abs((number(got["agent_contact_and_idle_time_s"]) or 0) - (on + idle)) > 2 * tolerance:
            wrong.append(
                (agent_id, day, "agent_contact_and_idle_time_s", got["agent_contact_and_idle_time_s"], on + idle)
            )
        if on + idle > 3600:
            slack = 100 * 2 * tolerance / (on + idle)
            if abs(number(got["occupancy_pct"]) - 100 * on / (on + idle)) > slack:
                wrong.append((agent_id, day, "occupancy_pct", got["occupancy_pct"], 100 * on / (on + idle)))
            if not close(number(got["occupancy"]) * 100, number(got["occupancy_pct"])):
                wrong.append((agent_id, day, "occupancy", got["occupancy"], got["occupancy_pct"]))
        for metric in ("agent_non_response", "agent_contacts_handled"):
            if number(got[metric]) != counts[(agent_id, day)][metric]:
                wrong.append((agent_id, day, metric, got[metric], counts[(agent_id, day)][metric]))
        checked += 1
    assert checked >= 40 and not wrong, (checked, wrong[:5])


def test_journey_metrics_by_day_equal_the_truth(mf: MetricFlow, legs) -> None:
    followed = repeat_followed(legs)
    handled_roots = {leg["root_contact_id"] for leg in legs if leg["is_handled"] == "1"}
    expected: dict[date, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for leg in legs:
        root = leg["contact_id"]
        if root not in followed:
            continue
        day = expected[ts(leg["initiated_at"]).date()]
        day["journeys"] += 1
        day["handled_journeys"] += root in handled_roots
        day["first_contact_resolved_journeys"] += root in handled_roots and not followed[root]
        day["repeat_followed_journeys"] += followed[root]
    rows = mf.query(JOURNEY_METRICS, ("metric_time__day",), where="{{ Dimension('journey__channel') }} <> 'TASK'")
    actual = {day_of(r["metric_time__day"]): r for r in rows}
    assert set(actual) == set(expected)
    for day, want in expected.items():
        got = actual[day]
        for metric in ("journeys", "handled_journeys", "first_contact_resolved_journeys", "repeat_followed_journeys"):
            assert number(got[metric]) == want[metric], (day, metric)
        fcr = ratio(want["first_contact_resolved_journeys"], want["handled_journeys"])
        repeat = ratio(want["repeat_followed_journeys"], want["journeys"])
        assert close(number(got["first_contact_resolution_rate"]), fcr) and close(
            number(got["first_contact_resolution_pct"]), 100 * fcr
        )
        assert close(number(got["repeat_contact_rate"]), repeat) and close(
            number(got["repeat_contact_pct"]), 100 * repeat
        )


def test_ivr_metrics_by_day_equal_the_truth(mf: MetricFlow, legs) -> None:
    expected: dict[date, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for leg in legs:
        transfer_entry = leg["initiation_method"] in ("TRANSFER", "QUEUE_TRANSFER") and leg["relation"] in (
            "TRANSFER",
            "QUEUE_TRANSFER",
        )
        if leg["ivr_outcome"] == "none" or transfer_entry:
            continue
        day = expected[ts(leg["initiated_at"]).date()]
        day["ivr_entries"] += 1
        day["ivr_contained"] += leg["ivr_outcome"] == "contained"
        day["ivr_dropped"] += leg["ivr_outcome"] == "dropped"
        day["ivr_reached_queue"] += leg["ivr_outcome"] == "queued"
    rows = mf.query(IVR_METRICS, ("metric_time__day",), where="{{ Dimension('ivr_path__has_contact_record') }}")
    actual = {day_of(r["metric_time__day"]): r for r in rows}
    assert set(actual) == set(expected)
    for day, want in expected.items():
        got = actual[day]
        for metric in ("ivr_entries", "ivr_contained", "ivr_dropped", "ivr_reached_queue"):
            assert number(got[metric]) == want[metric], (day, metric, got[metric], want[metric])
        rate = ratio(want["ivr_contained"], want["ivr_entries"])
        assert close(number(got["ivr_containment_rate"]), rate) and close(
            number(got["ivr_containment_pct"]), 100 * rate
        )


def test_sentiment_and_volume_metrics_by_day_equal_the_truth(mf: MetricFlow, lake: Lake, legs) -> None:
    """Sentiment is dated by the contact, like every other metric: the day the analysed contact began, not the
    day Contact Lens analysed it (a re-analysis days later must not add a day of sentiment alone)."""
    began = {leg["contact_id"]: ts(leg["initiated_at"]).date() for leg in legs}
    expected: dict[date, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    analyses = read_csv(lake.truth / "contact_analysis.csv")
    assert any(ts(row["analysed_at"]).date() != began[row["contact_id"]] for row in analyses)
    for row in analyses:
        day = expected[began[row["contact_id"]]]
        day["analysed_contacts"] += 1
        for who in ("customer", "agent"):
            if row[f"{who}_overall"] != "":
                day[f"sum_{who}_sentiment"] += float(row[f"{who}_overall"])
                day[f"{who}_sentiment_scored"] += 1
    actual = {day_of(r["metric_time__day"]): r for r in mf.query(SENTIMENT_METRICS, ("metric_time__day",))}
    assert set(actual) == set(expected)
    for day, want in expected.items():
        got = actual[day]
        for metric in ("analysed_contacts", "customer_sentiment_scored", "agent_sentiment_scored"):
            assert number(got[metric]) == want[metric], (day, metric)
        for who in ("customer", "agent"):
            assert close(number(got[f"sum_{who}_sentiment"]), want[f"sum_{who}_sentiment"], 1e-6)
            average = ratio(want[f"sum_{who}_sentiment"], want[f"{who}_sentiment_scored"])
            assert close(number(got[f"avg_{who}_sentiment"]), average, 1e-9), (day, who)

    volumes: dict[tuple, int] = defaultdict(int)
    for leg in legs:
        volumes[(ts(leg["initiated_at"]).date(), leg["channel"])] += 1
    rows = mf.query(("contact_legs",), ("metric_time__day", "contact__channel"))
    assert {(day_of(r["metric_time__day"]), r["contact__channel"]): number(r["contact_legs"]) for r in rows} == volumes


def quality_sums(legs, key) -> dict[tuple, dict[str, float]]:
    """The call-quality metrics recomputed from the truth's per-leg scores, grouped by `key(leg)`."""
    sums: dict[tuple, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for leg in legs:
        agent, customer = leg["agent_audio_quality_score"], leg["customer_audio_quality_score"]
        if agent == "" and customer == "":
            continue
        m = sums[key(leg)]
        m["audio_scored_legs"] += 1
        issues = leg["agent_audio_quality_issues"] or leg["customer_audio_quality_issues"]
        m["legs_with_audio_quality_issue"] += bool(issues)
        for side, score in (("agent", agent), ("customer", customer)):
            if score != "":
                m[f"{side}_audio_scored_legs"] += 1
                m[f"sum_{side}_audio_quality_score"] += float(score)
    for m in sums.values():
        for side in ("agent", "customer"):  # a sum over no scores is null in SQL
            if not m[f"{side}_audio_scored_legs"]:
                m[f"sum_{side}_audio_quality_score"] = None
        m["avg_agent_audio_quality_score"] = ratio(m["sum_agent_audio_quality_score"], m["agent_audio_scored_legs"])
        m["avg_customer_audio_quality_score"] = ratio(
            m["sum_customer_audio_quality_score"], m["customer_audio_scored_legs"]
        )
        m["audio_quality_issue_rate"] = ratio(m["legs_with_audio_quality_issue"], m["audio_scored_legs"])
    return sums


@pytest.mark.parametrize(
    ("dimension", "truth_column"),
    [("contact__queue_name", "queue_name"), ("agent_version__agent_username", "agent_username")],
)
def test_call_quality_by_day_and_queue_or_agent_equals_the_truth(mf: MetricFlow, legs, dimension, truth_column) -> None:
    """Audio quality per queue and per agent: the truth's scores, averaged over the legs Connect scored."""
    expected = quality_sums(legs, lambda leg: (ts(leg["initiated_at"]).date(), leg[truth_column]))
    assert sum(m["legs_with_audio_quality_issue"] for m in expected.values()) > 50
    rows = mf.query(QUALITY_METRICS, ("metric_time__day", dimension))
    actual = {(day_of(r["metric_time__day"]), r[dimension]): r for r in rows if number(r["audio_scored_legs"])}
    assert set(actual) == set(expected)
    wrong = [
        (key, metric, got[metric], expected[key][metric])
        for key, got in actual.items()
        for metric in QUALITY_METRICS
        if not close(number(got[metric]), expected[key][metric], 1e-9)
    ]
    assert not wrong, (len(wrong), wrong[:5])


def test_saved_queries_run(mf: MetricFlow, warehouse: Warehouse) -> None:
    manifest = json.loads((warehouse.target / "semantic_manifest.json").read_text())
    names = [q["name"] for q in manifest["saved_queries"]]
    assert names
    for name in names:
        result = mf.run(["query", "--saved-query", name, "--limit", "5"])
        assert result.returncode == 0 and "Success" in result.stdout, result.stdout[-2000:]
