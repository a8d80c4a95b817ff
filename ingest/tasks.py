"""Stage 3c, *find* tasks (who leads, who supports, by when) and reporting lines."""

from __future__ import annotations

from ingest.agencies import AgencyRegistry
from ingest.model import CleanDocument, DocumentHeader, ReportingLine, Task


def find_tasks(doc: CleanDocument, header: DocumentHeader, registry: AgencyRegistry) -> list[Task]:
    """Return the plan's tasks in document order, agencies canonicalised through ``registry``."""
    return []


def find_reporting(doc: CleanDocument, header: DocumentHeader, registry: AgencyRegistry) -> list[ReportingLine]:
    """Return the reporting lines the plan names."""
    return []
