"""A real browser on the lineage page (issue #4 acceptance): headless Chromium drives a live uvicorn.

The server is a subprocess (``uvicorn api.app:create_app --factory``) on a free
127.0.0.1 port, pointed at a graph on the session's embedded FalkorDB that holds
the hand-built chain of ``tests/test_api.py`` (85/KH-UBND up to 27-NQ/TW), so the
picture does not depend on the parser. Chromium is the Debian package
(``/usr/bin/chromium``), driven by Playwright without ``playwright install``.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from cascade import ROOT, embedded
from cascade.embedded import terminate
from cascade.graph import FalkorGraph
from cascade.loader import load
from tests.test_api import CHAIN_85, ID_27, ID_52, ID_56, ID_85, ID_142, chain_results

pytestmark = pytest.mark.browser

CHROMIUM = os.environ.get("CASCADE_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def live_server(falkordb_server, tmp_path_factory) -> Iterator[str]:
    """Return the base URL of a live uvicorn serving the chain graph; kill it (and only it) afterwards."""
    name = f"browser-{uuid.uuid4().hex[:8]}"
    g = FalkorGraph(falkordb_server.url, name)
    g.clear()
    g.apply_schema()
    for result in chain_results():
        load(g, result, batch_size=100)
    port = _free_port()
    env = dict(os.environ, CASCADE_GRAPH_URL=falkordb_server.url, CASCADE_GRAPH_NAME=name,
               CASCADE_DATA_DIR=str(tmp_path_factory.mktemp("unused")), CASCADE_API_KEY="")
    log = tmp_path_factory.mktemp("uvicorn") / "uvicorn.log"
    with open(log, "wb") as fh:
        proc = subprocess.Popen(  # noqa: S603 - fixed argv
            [sys.executable, "-m", "uvicorn", "api.app:create_app", "--factory", "--host", "127.0.0.1",
             "--port", str(port), "--log-level", "warning"],
            cwd=str(ROOT), env=env, stdout=fh, stderr=subprocess.STDOUT,
            preexec_fn=embedded._die_with_parent)  # noqa: PLW1509 - SIGTERM if pytest itself dies: no orphan
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(f"{base}/health/live", timeout=1) as r:  # noqa: S310 - loopback
                    if r.status == 200:
                        break
            except OSError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"uvicorn did not start: {log.read_text(errors='replace')[-2000:]}")
            time.sleep(0.1)
        yield base
    finally:
        terminate(proc)
        g.clear()
        g.close()


@pytest.fixture(scope="module")
def browser():
    """Return a headless Chromium (Debian's) driven by Playwright; skip with the reason if it is absent."""
    if not (Path(CHROMIUM).exists() or shutil.which(CHROMIUM)):
        pytest.skip(f"Chromium not found at {CHROMIUM}: install the Debian package 'chromium' (.ci/ensure-debian)")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield b
        finally:
            b.close()


def test_lineage_page_draws_the_five_chain_nodes(live_server, browser, tmp_path):
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    external: list[str] = []
    page.on("request", lambda req: external.append(req.url) if not req.url.startswith(live_server) else None)
    page.goto(f"{live_server}/lineage/{ID_85}")
    page.wait_for_function("window.cascadeDrawn === true", timeout=20_000)
    drawn = page.evaluate("window.cascadeNodes")
    assert {ID_85, ID_56, ID_142, ID_52, ID_27} <= set(drawn)
    positions = page.evaluate("window.cascadePositions")
    ys = [positions[i]["y"] for i in (ID_27, ID_52, ID_142, ID_56, ID_85)]
    assert ys == sorted(ys) and len(set(ys)) == 5  # root directive on top, the district plan at the bottom
    assert page.get_attribute("#lineage", "data-drawn-nodes").split() == drawn
    canvas = page.locator("#lineage canvas")
    assert canvas.count() == 1 and canvas.bounding_box()["height"] > 300
    labels = page.locator("#lineage-nodes tbody tr td:nth-child(2) a").all_inner_texts()
    assert labels == CHAIN_85
    shot = tmp_path / "lineage-85.png"
    page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 10_000
    assert external == []  # nothing fetched from outside the app
    page.close()


def test_clicking_a_node_opens_its_document_page(live_server, browser):
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.goto(f"{live_server}/lineage/{ID_85}")
    page.wait_for_function("window.cascadeDrawn === true", timeout=20_000)
    point = page.evaluate(f"""() => {{
        const n = window.cascadeNetwork; const p = n.canvasToDOM(n.getPositions(['{ID_142}'])['{ID_142}']);
        const r = document.querySelector('#lineage canvas').getBoundingClientRect();
        return {{x: r.left + p.x, y: r.top + p.y}};
    }}""")
    with page.expect_navigation(timeout=10_000):
        page.mouse.click(point["x"], point["y"])
    assert page.url.endswith(f"/documents/{ID_142}")
    assert "142/QĐ-TTg" in page.locator("h1").inner_text()
    assert page.locator("#not-ingested").count() == 1  # a referenced-only document says so
    page.close()


def test_agency_page_filters_duties_in_the_browser(live_server, browser):
    page = browser.new_page()
    page.goto(f"{live_server}/agencies/so-noi-vu-tinh-bac-ninh")
    rows = page.locator("#duties tbody tr")
    assert rows.count() == 2
    page.fill("#filter-due", "2026-01-01")
    page.dispatch_event("#filter-due", "change")
    assert page.locator("#duties tbody tr:not([hidden])").count() == 1
    page.select_option("#filter-role", "support")
    assert page.locator("#duties tbody tr:not([hidden])").count() == 0
    page.close()


def test_api_docs_render_offline(live_server, browser):
    page = browser.new_page()
    external: list[str] = []
    page.on("request", lambda req: external.append(req.url) if not req.url.startswith(live_server) else None)
    page.goto(f"{live_server}/docs")
    page.wait_for_selector(".opblock", timeout=20_000)
    assert page.locator(".opblock").count() >= 13  # every endpoint, POST /documents included
    assert external == []
    page.close()
