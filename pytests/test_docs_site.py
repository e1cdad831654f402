"""The docs site dbt generates for the built warehouse, served on 127.0.0.1 and opened in a real headless
Chromium: the home page is the project's overview, a mart's page lists its documented columns, and the lineage
of fct_queue_intervals draws with what it reads and what reads it (the dashboard exposure among them)."""

from __future__ import annotations

import functools
import http.server
import json
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from browser import chromium, wait_for


@pytest.fixture(scope="module")
def docs_url(docs_site: Path) -> Iterator[str]:
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(docs_site))
    handler.log_message = lambda *args: None  # type: ignore[method-assign]
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/index.html"
    finally:
        server.shutdown()
        thread.join()


def test_the_home_page_is_the_overview(docs_url: str) -> None:
    with chromium(1400, 1000) as driver:
        driver.get(docs_url + "#!/overview")
        wait_for(driver, "document.body.innerText.includes('Which mart answers which question')")
        text = driver.find_element("tag name", "body").text
    for expected in ("connect_lake: Amazon Connect analytics you can trust", "KPI definitions", "How to query"):
        assert expected in text
    assert "Welcome!" not in text


def test_a_mart_page_shows_its_documented_columns(docs_url: str, docs_site: Path) -> None:
    manifest = json.loads((docs_site / "manifest.json").read_text())
    columns = manifest["nodes"]["model.connect_lake.fct_queue_intervals"]["columns"]
    with chromium(1400, 1000) as driver:
        driver.get(docs_url + "#!/model/model.connect_lake.fct_queue_intervals")
        wait_for(driver, "document.body.innerText.includes('contacts_removed_from_queue_in_x')")
        text = driver.find_element("tag name", "body").text
    assert len(columns) >= 25
    assert [name for name in columns if name not in text] == []
    assert columns["service_level_pct"]["description"][:40] in text.replace("\n", " ")


def test_the_lineage_of_queue_intervals_draws(docs_url: str) -> None:
    with chromium(1400, 1000) as driver:
        driver.get(docs_url + "#!/model/model.connect_lake.fct_queue_intervals")
        wait_for(driver, "document.body.innerText.includes('contacts_removed_from_queue_in_x')")
        driver.execute_script("document.querySelector('[ng-click=\"onLauncherClick()\"]').click()")
        # cytoscape keeps its instance on the container: the drawn graph's nodes, once laid out
        nodes = "document.getElementById('cy')._cyreg.cy.nodes()"
        wait_for(driver, f"document.getElementById('cy')._cyreg && {nodes}.length > 3")
        labels = driver.execute_script(f"return {nodes}.map(n => n.data('label'))")
        canvases = driver.execute_script(
            "return Array.from(document.querySelectorAll('#cy canvas')).map(c => c.width * c.height)"
        )
    assert {"fct_queue_intervals", "fct_contacts", "dim_queues", "Contact-center KPI dashboard"} <= set(labels)
    assert canvases and max(canvases) > 0
