"""Named Cypher queries: ``cypher/<name>.cypher``, one query per file.

Each file starts with a header of ``//`` lines (CONTRIBUTING.md, "Cypher
files")::

    // name: lineage_up
    // purpose: ...
    // params: id = "..."; depth = 10
    // returns: depth, id, ...
    // engines: falkordb, neo4j

``load(name)`` returns a ``NamedQuery`` (cached), ``run(graph, name, **params)``
runs it (reads through ``Graph.read``, ``load_*`` writes through
``Graph.write``), ``list_queries()`` lists every file's header.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from cascade import ROOT

CYPHER_DIR = ROOT / "cypher"


@dataclass(frozen=True)
class NamedQuery:
    """One Cypher file: its header fields and the query text (comments stripped)."""

    name: str
    text: str
    purpose: str = ""
    params: str = ""
    returns: str = ""
    engines: tuple[str, ...] = ("falkordb", "neo4j")
    path: str = ""
    header: dict[str, str] = field(default_factory=dict)

    @property
    def is_write(self) -> bool:
        """Return True for the loader's writes (``load_*``)."""
        return self.name.startswith("load_")


def parse(text: str, name: str = "", path: str = "") -> NamedQuery:
    """Return the NamedQuery of a file's text: header ``// key: value`` lines, then the query body."""
    header: dict[str, str] = {}
    body: list[str] = []
    in_header = True
    for line in text.splitlines():
        stripped = line.strip()
        if in_header and stripped.startswith("//"):
            key, sep, value = stripped[2:].partition(":")
            if sep and key.strip().isidentifier():
                header[key.strip().lower()] = value.strip()
            continue
        if in_header and not stripped:
            continue
        in_header = False
        if stripped.startswith("//"):
            continue  # comments inside the body are dropped: FalkorDB does not accept them everywhere
        body.append(line)
    engines = tuple(e.strip() for e in header.get("engines", "falkordb, neo4j").split(",") if e.strip())
    return NamedQuery(
        name=header.get("name", name) or name,
        text="\n".join(body).strip(),
        purpose=header.get("purpose", ""),
        params=header.get("params", ""),
        returns=header.get("returns", ""),
        engines=engines,
        path=path,
        header=header,
    )


@lru_cache(maxsize=256)
def load(name: str) -> NamedQuery:
    """Return the named query ``cypher/<name>.cypher`` (cached); KeyError if there is no such file."""
    if not name or "/" in name or "\\" in name or name.startswith("."):
        raise KeyError(name)
    path = CYPHER_DIR / f"{name}.cypher"
    if not path.is_file():
        raise KeyError(name)
    return parse(path.read_text(encoding="utf-8"), name=name, path=str(path))


def text(name: str) -> str:
    """Return the query text of ``name``."""
    return load(name).text


def list_queries(directory: Path | None = None) -> list[NamedQuery]:
    """Return every named query of ``cypher/`` (sorted by name)."""
    directory = directory or CYPHER_DIR
    out = []
    for path in sorted(directory.glob("*.cypher")):
        out.append(parse(path.read_text(encoding="utf-8"), name=path.stem, path=str(path)))
    return out


def run(graph: Any, name: str, **params: Any) -> list[dict[str, Any]]:
    """Run the named query with ``params``: return its rows (reads), or ``[]`` after a ``load_*`` write."""
    q = load(name)
    if q.is_write:
        graph.write([(q.text, params)])
        return []
    return graph.read(q.text, params)
