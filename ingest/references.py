"""Stage 3b, *find* references to other documents and edges the text states between them."""

from __future__ import annotations

from ingest.model import CleanDocument, DocumentHeader, Reference, StatedEdge


def find_references(doc: CleanDocument, header: DocumentHeader) -> tuple[list[Reference], list[StatedEdge]]:
    """Return the references (one per referenced document) and the stated edges."""
    return [], []
