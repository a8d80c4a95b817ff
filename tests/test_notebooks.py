"""The analyst notebooks run top to bottom on the embedded graph (issue #5) and are committed without outputs.

Each notebook is executed with nbclient (kernel ``python3``, the venv's own
ipykernel) in a temporary working copy, with ``CASCADE_DATA_DIR`` in a tmp dir
and no ``CASCADE_GRAPH_URL``, so it starts its own embedded FalkorDB, loads the
sample corpus into it and stops it in its last cell. The table says which
outputs must exist: text printed by a cell, an inline pyvis network (vis-network
inlined, no CDN needed for the graph itself), a matplotlib figure. Pages must work
offline on government intranets: no output may load a script or stylesheet from a
URL (pyvis's template links Bootstrap from a CDN; the notebooks strip it).
"""

from __future__ import annotations

import html
import re
import shutil
from pathlib import Path

import nbformat
import pytest

from cascade import ROOT

NOTEBOOKS = ROOT / "notebooks"

# (notebook, texts that some cell output must contain, needs an inline network, needs a PNG figure)
CASES = [
    ("01_lineage_trace.ipynb", ["district plan: 85/KH-UBND", "root directive(s): 27-NQ/TW", "graph closed"],
     True, False),
    ("02_agency_workload.ipynb", ["Sở Nội vụ tỉnh Bắc Ninh", "tasks with a due date", "P1Y", "graph closed"],
     False, True),
    ("03_coordination_network.ipynb",
     ["province: Bắc Ninh", "Sở Thông tin và Truyền thông tỉnh Bắc Ninh", "graph closed"], True, False),
]


def _outputs_text(nb: nbformat.NotebookNode) -> str:
    """Return all text and HTML outputs of the executed notebook, concatenated."""
    parts: list[str] = []
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            if out.get("output_type") == "stream":
                parts.append(out.get("text", ""))
            data = out.get("data", {})
            for mime in ("text/plain", "text/html"):
                if mime in data:
                    parts.append(data[mime] if isinstance(data[mime], str) else "".join(data[mime]))
    return "\n".join(parts)


# <script src=...> / <link href=...> pointing at http://, https:// or protocol-relative //host URLs
_EXTERNAL_ASSET = re.compile(r"<(?:script|link)\b[^>]*\b(?:src|href)\s*=\s*[\"']?\s*(?:https?:)?//[^>]*>",
                             re.IGNORECASE)


def external_assets(text: str) -> list[str]:
    """Return every script/link tag of ``text`` that loads a URL (HTML-unescaped first: iframes use srcdoc)."""
    return [m.group(0) for m in _EXTERNAL_ASSET.finditer(html.unescape(text))]


@pytest.mark.parametrize(
    ("page", "found"),
    [
        ('<script src="https://cdn.jsdelivr.net/npm/bootstrap@5.0.0-beta3/dist/js/bootstrap.bundle.min.js">'
         "</script>", 1),
        ('<link\n  href="https://cdn.jsdelivr.net/npm/bootstrap@5.0.0-beta3/dist/css/bootstrap.min.css"\n'
         '  rel="stylesheet" />', 1),
        ("<script src='//cdnjs.cloudflare.com/ajax/libs/vis-network/9.1.2/vis-network.min.js'></script>", 1),
        ('<iframe srcdoc="&lt;link href=&quot;http://example.org/x.css&quot;&gt;"></iframe>', 1),
        ('<script type="text/javascript">var ns = "http://www.w3.org/2000/svg";</script>', 0),
        ('<a href="https://vbpl.vn/">vbpl</a>', 0),
    ],
)
def test_external_asset_detector(page: str, found: int) -> None:
    assert len(external_assets(page)) == found


@pytest.mark.parametrize("name", [c[0] for c in CASES if c[2]])
def test_network_helper_strips_every_linked_asset(name: str) -> None:
    """The notebook's own ``offline_page`` (run outside a kernel) leaves a pyvis page with vis inlined and no URL."""
    from pyvis.network import Network

    cells = [c.source for c in nbformat.read(NOTEBOOKS / name, as_version=4).cells if c.cell_type == "code"]
    helper = next(src for src in cells if "def offline_page" in src)
    namespace: dict = {}
    exec(helper, namespace)  # noqa: S102 - the notebook's own code, from the repository
    net = Network(directed=True, notebook=False, cdn_resources="in_line", select_menu=False, filter_menu=False)
    net.add_node("a", label="a")
    net.add_node("b", label="b")
    net.add_edge("a", "b")
    raw = net.generate_html(notebook=False)
    assert external_assets(raw), "pyvis no longer links a CDN: this test needs a new fixture"
    page = namespace["offline_page"](raw)
    assert external_assets(page) == []
    assert not re.search(r"<(?:script|link)\b[^>]*\b(?:src|href)\s*=", page, re.IGNORECASE)
    assert "vis.Network" in page


def _has_png(nb: nbformat.NotebookNode) -> bool:
    return any("image/png" in out.get("data", {}) for cell in nb.cells for out in cell.get("outputs", []))


def test_three_notebooks_exist() -> None:
    names = sorted(p.name for p in NOTEBOOKS.glob("*.ipynb"))
    assert names == sorted(c[0] for c in CASES)


@pytest.mark.parametrize("name", [c[0] for c in CASES])
def test_committed_notebooks_have_no_outputs(name: str) -> None:
    nb = nbformat.read(NOTEBOOKS / name, as_version=4)
    nbformat.validate(nb)
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [], f"{name}: committed with outputs"
            assert cell.execution_count is None, f"{name}: committed with execution counts"


@pytest.mark.parametrize("name", [c[0] for c in CASES])
def test_notebooks_use_the_product_api_and_named_queries(name: str) -> None:
    code = [c.source for c in nbformat.read(NOTEBOOKS / name, as_version=4).cells if c.cell_type == "code"]
    source = "\n".join(code)
    assert "open_graph(" in code[0], "the first code cell starts the graph through the product API"
    assert "queries.run(graph," in source
    assert "graph.close()" in code[-1], "the last cell shuts the graph down"
    for word in ("MATCH ", "MERGE ", "CREATE "):  # Cypher lives in cypher/, not in notebooks
        assert word not in source, f"{name}: inline Cypher ({word.strip()})"


@pytest.mark.slow
@pytest.mark.parametrize(("name", "texts", "needs_network", "needs_png"), CASES)
def test_notebook_runs_top_to_bottom(name: str, texts: list[str], needs_network: bool, needs_png: bool,
                                     tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError

    work = tmp_path / "work"
    work.mkdir()
    shutil.copy(NOTEBOOKS / name, work / name)
    monkeypatch.setenv("CASCADE_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("CASCADE_GRAPH_URL", raising=False)
    monkeypatch.delenv("CASCADE_GRAPH_NAME", raising=False)

    nb = nbformat.read(work / name, as_version=4)
    client = NotebookClient(nb, kernel_name="python3", timeout=180, resources={"metadata": {"path": str(work)}})
    try:
        client.execute()
    except CellExecutionError as exc:  # pragma: no cover - the message is the failing cell's traceback
        pytest.fail(f"{name} failed:\n{exc}")
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            assert out.get("output_type") != "error", f"{name}: cell errored: {out.get('ename')}: {out.get('evalue')}"
    text = _outputs_text(nb)
    for expected in texts:
        assert expected in text, f"{name}: output lacks {expected!r}"
    if needs_network:
        assert "vis.Network" in text and "cdnjs.cloudflare.com/ajax/libs/vis-network" not in text
    assert external_assets(text) == [], f"{name}: outputs load external assets: {external_assets(text)[:3]}"
    if needs_png:
        assert _has_png(nb), f"{name}: no figure"
    # the embedded server the notebook started is gone: its state file was removed on stop
    assert not (tmp_path / "data" / "cascade-db.json").exists()
