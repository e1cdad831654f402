"""The KPI dashboard, opened in a real headless Chromium: one file that makes no network request, runs without a
JavaScript error, draws every chart, and shows numbers equal to the semantic layer's metrics for the same days and
channels (asked of `mf query`, a process of its own, not of the dashboard's code). And it is readable: every
colour scale and axis says what it measures, with units; no tick labels print over each other; the sentiment
axis is Contact Lens's whole -5..5; the instance-health panel draws each hour's CloudWatch peaks and counts on a
0..100 % quota axis; the IVR outcomes are one stacked bar; every agent bar is named; and the days
the marts flag as not final are the days the page marks."""

from __future__ import annotations

import subprocess
from datetime import date, datetime, time, timedelta

import pytest
from selenium.webdriver.common.by import By

from browser import chromium, console_errors, requested_urls, wait_for
from lakes import BIN, REPO, MetricFlow, Warehouse

CHARTS = (
    "intraday_service_level",
    "intraday_asa",
    "daily_volume",
    "handle_time",
    "agents",
    "status_time",
    "ivr_outcomes",
    "ivr_drop_off",
    "experience",
    "instance_health",
)
# per chart: every axis a trace draws on, with its title and range, every colour bar's title, the tick labels'
# boxes per axis, and the traces' kinds and names
LAYOUT_SCRIPT = """
return Array.from(document.querySelectorAll('.chart')).map(chart => {
  const plot = chart.querySelector('.js-plotly-plot');
  const axes = {};
  for (const trace of plot.data) {
    for (const [kind, key] of [['x', trace.xaxis || 'x'], ['y', trace.yaxis || 'y']]) {
      if (trace.type === 'heatmap' || trace.type === 'bar' || trace.type === 'scatter') {
        const name = kind + 'axis' + key.slice(1);
        const axis = plot._fullLayout[name];
        axes[name] = {title: axis.title && axis.title.text, range: axis.range};
      }
    }
  }
  const ticks = [];
  for (const group of chart.querySelectorAll('g.xaxislayer-above, g.yaxislayer-above')) {
    ticks.push(Array.from(group.querySelectorAll('text')).filter(t => t.textContent.trim()).map(t => {
      const r = t.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom, t.textContent];
    }));
  }
  return {
    name: chart.dataset.chart,
    barmode: plot._fullLayout.barmode,
    axes: axes,
    colorbars: plot.data.filter(t => t.type === 'heatmap')
      .map(t => t.colorbar && t.colorbar.title && t.colorbar.title.text),
    ticks: ticks,
    traces: plot.data.map(t => ({type: t.type, name: t.name, orientation: t.orientation, x: t.x, y: t.y})),
  };
});
"""


@pytest.fixture(scope="module")
def opened(warehouse: Warehouse, tmp_path_factory: pytest.TempPathFactory) -> dict:
    out = tmp_path_factory.mktemp("dashboard") / "index.html"
    result = subprocess.run(
        [
            str(BIN / "connect-lake"),
            "dashboard",
            "--warehouse",
            str(warehouse.path),
            "--semantic-manifest",
            str(warehouse.target / "semantic_manifest.json"),
            "--out",
            str(out),
        ],
        cwd=REPO,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    with chromium() as driver:
        driver.get(out.as_uri())
        wait_for(driver, f"document.querySelectorAll('.chart .main-svg').length >= {len(CHARTS)}")
        body = driver.find_element(By.TAG_NAME, "body")
        page = {
            "uri": out.as_uri(),
            "errors": console_errors(driver),
            "urls": requested_urls(driver),
            "drawn": driver.execute_script(
                "return Array.from(document.querySelectorAll('.chart')).filter("
                "c => c.querySelector('.main-svg') && c.querySelectorAll('.trace, .hm, .bars').length > 0"
                ").map(c => c.dataset.chart)"
            ),
            "numbers": [
                (
                    cell.get_attribute("data-kpi"),
                    cell.get_attribute("data-channel"),
                    cell.get_attribute("data-value"),
                    cell.text,
                )
                for cell in driver.find_elements(By.CSS_SELECTOR, "[data-kpi]")
            ],
            "charts": {chart["name"]: chart for chart in driver.execute_script(LAYOUT_SCRIPT)},
            "start": body.get_attribute("data-start"),
            "end": body.get_attribute("data-end"),
            "open_days": (body.get_attribute("data-open-days") or "").split(),
        }
    return page


def test_the_dashboard_makes_no_network_request(opened: dict) -> None:
    assert opened["urls"], "the performance log recorded the page load"
    assert [url for url in opened["urls"] if url != opened["uri"] and not url.startswith("data:")] == []


def test_the_dashboard_runs_without_a_javascript_error(opened: dict) -> None:
    assert opened["errors"] == []


def test_every_chart_is_drawn(opened: dict) -> None:
    assert sorted(opened["drawn"]) == sorted(CHARTS)


def test_every_number_equals_its_metric(opened: dict, mf: MetricFlow) -> None:
    # the page's days, as a day-grain filter on metric_time (--start-time/--end-time snap to each metric's grain)
    days = f"{{{{ TimeDimension('metric_time', 'day') }}}} between '{opened['start']}' and '{opened['end']}'"
    totals = [(name, value, text) for name, channel, value, text in opened["numbers"] if channel is None]
    by_channel = [(name, channel, value, text) for name, channel, value, text in opened["numbers"] if channel]
    metrics = tuple(sorted({name for name, _, _ in totals}))
    assert {"contacts_handled", "occupancy_pct", "voice_service_level_pct", "task_avg_queue_answer_time_s"} <= set(
        metrics
    )
    [expected] = mf.query(metrics, (), days)
    for name, value, text in totals:
        assert text.strip(), name
        if expected[name] == "":
            assert value == "", name
        else:
            assert float(value) == pytest.approx(float(expected[name]), rel=1e-9), name
    per_channel = {
        (row["queue_interval__channel"]): row
        for row in mf.query(("contacts_queued",), ("queue_interval__channel",), days)
    }
    assert {channel for _, channel, _, _ in by_channel} == {"VOICE", "CHAT", "TASK"}
    for name, channel, value, _ in by_channel:
        assert float(value) == float(per_channel[channel][name]), (name, channel)


def test_every_axis_and_colour_scale_says_what_it_measures(opened: dict) -> None:
    untitled = [
        (chart, axis)
        for chart, page in opened["charts"].items()
        for axis, spec in page["axes"].items()
        if not spec["title"]
    ]
    assert untitled == []
    colorbars = [title for page in opened["charts"].values() for title in page["colorbars"]]
    assert colorbars == ["Service level (%)", "ASA (s)"]


def overlaps(boxes: list[list]) -> list[tuple[str, str]]:
    found = []
    for i, (left, top, right, bottom, text) in enumerate(boxes):
        for other_left, other_top, other_right, other_bottom, other_text in boxes[i + 1 :]:
            if left < other_right - 1 and other_left < right - 1 and top < other_bottom - 1 and other_top < bottom - 1:
                found.append((text, other_text))
    return found


def test_no_tick_labels_print_over_each_other(opened: dict) -> None:
    printed_over = {
        chart: found
        for chart, page in opened["charts"].items()
        for boxes in page["ticks"]
        if (found := overlaps(boxes))
    }
    assert printed_over == {}


def test_sentiment_sits_on_its_whole_scale(opened: dict) -> None:
    axes = opened["charts"]["experience"]["axes"]
    assert axes["yaxis2"]["range"] == [-5, 5] and axes["yaxis"]["range"] == [0, 100]


def test_ivr_outcomes_are_one_stacked_bar(opened: dict) -> None:
    ivr = opened["charts"]["ivr_outcomes"]
    outcomes = [t for t in ivr["traces"] if t["y"] == ["inbound flows"]]
    assert ivr["barmode"] == "stack" and len(outcomes) >= 3
    assert all(t["type"] == "bar" and t["orientation"] == "h" for t in outcomes)
    assert sum(t["x"][0] for t in outcomes) == pytest.approx(100)


def test_every_agent_bar_is_named(opened: dict) -> None:
    for chart in ("agents", "status_time"):
        page = opened["charts"][chart]
        agents = {name for t in page["traces"] if t["type"] == "bar" for name in t["y"]}
        labels = {box[4] for boxes in page["ticks"] for box in boxes}
        assert 5 <= len(agents) <= 15 and agents <= labels, chart


def test_the_days_not_final_are_marked(opened: dict, warehouse: Warehouse) -> None:
    """The days whose end lies after the marts' final-until times (fct_data_completeness, held to the raw
    records by the planning tests) are the days the page lists, and the experience chart draws the days with
    open repeat windows apart, as not final."""
    contacts_until, windows_until = warehouse.query(
        "select min(contacts_final_until_at), min(repeat_windows_final_until_at) from main_marts.fct_data_completeness"
    )[0]
    days = [date.fromisoformat(opened["start"]) + timedelta(days=n) for n in range(3)]
    assert str(days[-1]) == opened["end"]
    flagged = {
        str(day)
        for day in days
        if datetime.combine(day + timedelta(days=1), time()) > min(contacts_until, windows_until)
    }
    assert flagged and set(opened["open_days"]) == flagged
    pending = [t for t in opened["charts"]["experience"]["traces"] if "window open" in (t["name"] or "")]
    assert pending and all(any(v is not None for v in t["y"]) for t in pending)


def test_the_instance_health_panel_draws_each_hours_metrics(opened: dict, mf: MetricFlow) -> None:
    """Each hour's peak concurrency (% of quota), missed calls and flow errors, as `mf query` gives them by hour."""
    days = f"{{{{ TimeDimension('metric_time', 'day') }}}} between '{opened['start']}' and '{opened['end']}'"
    metrics = ("peak_concurrent_calls_pct", "missed_calls", "contact_flow_errors")
    expected = {row["metric_time__hour"][:16]: row for row in mf.query(metrics, ("metric_time__hour",), days)}
    chart = opened["charts"]["instance_health"]
    assert chart["axes"]["yaxis"]["range"] == [0, 100]
    drawn = {
        "peak_concurrent_calls_pct": next(t for t in chart["traces"] if t["type"] == "scatter"),
        "missed_calls": next(t for t in chart["traces"] if t["name"] == "calls missed by agents"),
        "contact_flow_errors": next(t for t in chart["traces"] if t["name"] == "flow error branches"),
    }
    assert len(expected) >= 24 * 3 - 1
    for metric, trace in drawn.items():
        hours = [x.replace("T", " ")[:16] for x in trace["x"]]
        assert set(hours) == set(expected), metric
        for hour, value in zip(hours, trace["y"], strict=True):
            want = float(expected[hour][metric] or 0)
            assert float(value or 0) == pytest.approx(want, rel=1e-9), (metric, hour)
    assert sum(drawn["missed_calls"]["y"]) > 0 and sum(drawn["contact_flow_errors"]["y"]) > 0
