"""Stage 5, *assemble*: run the finders on a CleanDocument and build the ParseResult.

Order: header (with the spans the reference finder needs) -> agency registry
scoped by the issuer -> references and stated edges -> tasks and reporting lines
(``ingest.tasks``) -> ids on everything (``ingest.identity``) -> warnings and the
source record. A text with no symbol, no type and no issuer is not a directive
(``NotADirective``); anything else gives a result, with warnings for what is missing.
"""

from __future__ import annotations

import hashlib

from ingest.agencies import AgencyRegistry
from ingest.errors import NotADirective
from ingest.header import analyse_header
from ingest.identity import agency_id, task_id
from ingest.model import CleanDocument, ParseResult
from ingest.references import references_from
from ingest.tasks import find_reporting, find_tasks


def assemble(doc: CleanDocument) -> ParseResult:
    """Return the full ParseResult of a cleaned document; raise ``NotADirective`` if it has no header at all."""
    info = analyse_header(doc)
    header = info.header
    if header.symbol is None and header.doc_type is None and header.issuer is None:
        raise NotADirective(doc.path, "no document header found (symbol, type or issuer)")
    warnings = list(doc.warnings) + list(info.warnings)

    registry = AgencyRegistry(header.issuer)
    refs, edges = references_from(doc, info)
    tasks, reporting = [], []
    try:
        tasks = find_tasks(doc, header, registry)
    except Exception as exc:  # noqa: BLE001 - one finder's bug must not lose the document
        warnings.append(f"task extraction failed: {type(exc).__name__}: {exc}")
    try:
        reporting = find_reporting(doc, header, registry)
    except Exception as exc:  # noqa: BLE001
        warnings.append(f"reporting-line extraction failed: {type(exc).__name__}: {exc}")

    for n, t in enumerate(tasks, start=1):
        if not t.id and header.id:  # no symbol, no document id (the loader refuses such a document)
            t.id = task_id(header.id, n)
    agencies = registry.agencies()
    for a in agencies:
        if not a.id:
            a.id = agency_id(a.name, a.level, a.province, a.district)

    return ParseResult(document=header, references=refs, stated_edges=edges, tasks=tasks, agencies=agencies,
                       reporting=reporting, warnings=_dedupe(warnings), source=_source(doc))


def _sha(doc: CleanDocument) -> str:
    """Return the sha256 of the original bytes (from the read stage), else of the cleaned text."""
    if doc.raw is not None and doc.raw.sha256:
        return doc.raw.sha256
    return hashlib.sha256(doc.text.encode("utf-8")).hexdigest()


def _source(doc: CleanDocument) -> dict:
    """Return the source record: path, format (also as ``fmt``), sha256, size and encoding."""
    raw = doc.raw
    fmt = raw.fmt if raw is not None else None
    return {
        "path": doc.path,
        "format": fmt,
        "fmt": fmt,
        "sha256": _sha(doc),
        "size": raw.size if raw is not None else len(doc.text.encode("utf-8")),
        "encoding": raw.encoding if raw is not None else None,
    }


def _dedupe(items: list[str]) -> list[str]:
    """Return ``items`` without repeats, first occurrence order kept."""
    seen: set[str] = set()
    out = []
    for it in items:
        if it not in seen:
            seen.add(it)
            out.append(it)
    return out
