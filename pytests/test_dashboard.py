"""The KPI dashboard, opened in a real headless Chromium: one file that makes no network request, runs without a
JavaScript error, draws every chart, and shows headline numbers equal to the semantic layer's metrics for the
same days (asked of MetricFlow, not of the dashboard's own queries)."""

from __future__ import annotations

import subprocess

import pytest
from selenium.webdriver.common.by import By

from browser import chromium, console_errors, requested_urls, wait_for
from lakes import BIN, REPO, MetricFlow, Warehouse

CHARTS = ("intraday", "daily_volume", "aht_by_channel", "agent_time", "status_time", "ivr", "experience")
# headline tile -> the metric it shows
TILE_METRICS = {
    "contacts_queued": "contacts_queued",
    "contacts_handled": "contacts_handled",
    "service_level_pct": "service_level_pct",
    "avg_queue_answer_time_s": "avg_queue_answer_time_s",
    "avg_handle_time_s": "avg_handle_time_s",
    "abandonment_rate_pct": "abandonment_rate_pct",
    "occupancy_pct": "occupancy_pct",
    "ivr_containment_pct": "ivr_containment_pct",
    "first_contact_resolution_pct": "first_contact_resolution_pct",
    "repeat_contact_pct": "repeat_contact_pct",
    "avg_customer_sentiment": "avg_customer_sentiment",
}


@pytest.fixture(scope="module")
def opened(warehouse: Warehouse, tmp_path_factory: pytest.TempPathFactory) -> dict:
    out = tmp_path_factory.mktemp("dashboard") / "index.html"
    result = subprocess.run(
        [str(BIN / "connect-lake"), "dashboard", "--warehouse", str(warehouse.path), "--out", str(out)],
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
                "c => c.querySelector('.main-svg') && c.querySelectorAll('.trace, .hm, .funnel').length > 0"
                ").map(c => c.dataset.chart)"
            ),
            "tiles": {
                tile.get_attribute("data-kpi"): (tile.get_attribute("data-value"), tile.text)
                for tile in driver.find_elements(By.CSS_SELECTOR, ".tile")
            },
            "start": body.get_attribute("data-start"),
            "end": body.get_attribute("data-end"),
        }
    return page


def test_the_dashboard_makes_no_network_request(opened: dict) -> None:
    assert opened["urls"], "the performance log recorded the page load"
    assert [url for url in opened["urls"] if url != opened["uri"] and not url.startswith("data:")] == []


def test_the_dashboard_runs_without_a_javascript_error(opened: dict) -> None:
    assert opened["errors"] == []


def test_every_chart_is_drawn(opened: dict) -> None:
    assert sorted(opened["drawn"]) == sorted(CHARTS)


def test_headline_numbers_equal_the_metrics(opened: dict, mf: MetricFlow) -> None:
    # the page's days, as a day-grain filter on metric_time (--start-time/--end-time snap to each metric's grain)
    days = f"{{{{ TimeDimension('metric_time', 'day') }}}} between '{opened['start']}' and '{opened['end']}'"
    [totals] = mf.query(tuple(TILE_METRICS.values()), (), days)
    assert set(opened["tiles"]) == set(TILE_METRICS)
    for tile, metric in TILE_METRICS.items():
        shown, text = opened["tiles"][tile]
        assert float(shown) == pytest.approx(float(totals[metric]), rel=1e-9), tile
        assert text.strip(), tile
