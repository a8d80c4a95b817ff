"""Stage 5, *assemble*: run the finders on a CleanDocument and build the ParseResult."""

from __future__ import annotations

from ingest.agencies import AgencyRegistry
from ingest.header import find_header
from ingest.model import CleanDocument, ParseResult
from ingest.references import find_references
from ingest.tasks import find_reporting, find_tasks


def assemble(doc: CleanDocument) -> ParseResult:
    """Return the full ParseResult of a cleaned document."""
    header = find_header(doc)
    registry = AgencyRegistry(header.issuer)
    refs, edges = find_references(doc, header)
    tasks = find_tasks(doc, header, registry)
    reporting = find_reporting(doc, header, registry)
    return ParseResult(document=header, references=refs, stated_edges=edges, tasks=tasks,
                       agencies=registry.agencies(), reporting=reporting, warnings=list(doc.warnings))
