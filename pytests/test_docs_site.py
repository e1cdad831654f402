"""The docs site dbt generates for the built warehouse, served on 127.0.0.1 and opened in a real headless
Chromium: the home page is the project's overview, a mart's page lists its documented columns, and the lineage
of fct_queue_intervals draws exactly what it reads, transitively, and what reads it (the dashboard exposure
among them)."""

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


def drawn_graph(driver, url: str, showing: str) -> list[str]:
    """The unique ids of the nodes the docs site draws at `url`, once the node `showing` is among them (cytoscape
    keeps its instance on the container). A fresh page: the site draws the selection in the URL when it loads."""
    driver.get("about:blank")
    driver.get(url)
    nodes = "document.getElementById('cy')._cyreg.cy.nodes()"
    wait_for(
        driver,
        f"document.getElementById('cy') && document.getElementById('cy')._cyreg "
        f"&& {nodes}.map(n => n.id()).includes('{showing}')",
    )
    return driver.execute_script(f"return {nodes}.map(n => n.id())")


def test_the_lineage_of_queue_intervals_draws_what_it_reads(docs_url: str, docs_site: Path) -> None:
    """The model page's lineage is what fct_queue_intervals reads (fct_contacts, dim_queues) and what reads it;
    the full lineage (`+fct_queue_intervals+`) is its real ancestors and descendants, nothing else
    (pytests/test_lineage.py holds each edge to the SQL)."""
    manifest = json.loads((docs_site / "manifest.json").read_text())
    target = "model.connect_lake.fct_queue_intervals"
    kinds = ("model.", "seed.", "source.")
    with chromium(1400, 1000) as driver:
        driver.get(docs_url + "#!/model/" + target)
        wait_for(driver, "document.body.innerText.includes('contacts_removed_from_queue_in_x')")
        driver.execute_script("document.querySelector('[ng-click=\"onLauncherClick()\"]').click()")
        nodes = "document.getElementById('cy')._cyreg.cy.nodes()"
        wait_for(driver, f"document.getElementById('cy')._cyreg && {nodes}.length > 3")
        near = driver.execute_script(f"return {nodes}.map(n => n.id())")
        labels = driver.execute_script(f"return {nodes}.map(n => n.data('label'))")
        canvases = driver.execute_script(
            "return Array.from(document.querySelectorAll('#cy canvas')).map(c => c.width * c.height)"
        )
        full = drawn_graph(
            driver,
            docs_url + "#!/overview?g_v=1&g_i=%2Bfct_queue_intervals%2B",
            showing="source.connect_lake.connect.contact_records",
        )
    neighbours = set(manifest["parent_map"][target]) | set(manifest["child_map"][target]) | {target}
    assert {node for node in near if node.startswith(kinds)} == {n for n in neighbours if n.startswith(kinds)}
    assert {node for node in near if node.startswith("model.")} >= {
        "model.connect_lake.fct_contacts",
        "model.connect_lake.dim_queues",
    }
    assert "Contact-center KPI dashboard" in labels
    assert canvases and max(canvases) > 0
    related = lineage(manifest["parent_map"], target) | lineage(manifest["child_map"], target) | {target}
    assert {node for node in full if node.startswith(kinds)} == {n for n in related if n.startswith(kinds)}
    assert not {
        "model.connect_lake.stg_connect__customer_profile_events",
        "model.connect_lake.base_connect__contact_flow_logs",
        "source.connect_lake.connect.contact_lens_analysis_redacted",
    } & set(full)


def lineage(edges: dict[str, list[str]], start: str) -> set[str]:
    """Every node reachable from `start` along the manifest's parent or child map (tests left out)."""
    found, stack = set(), [start]
    while stack:
        for node in edges.get(stack.pop(), []):
            if node not in found and not node.startswith("test."):
                found.add(node)
                stack.append(node)
    return found
