"""Stage 3a, *find* the header: symbol, type, title, issuer, place, date, signer, recipients."""

from __future__ import annotations

from ingest.model import CleanDocument, DocumentHeader


def find_header(doc: CleanDocument) -> DocumentHeader:
    """Return the document's own header fields (None where the text does not give them)."""
    return DocumentHeader(symbol=None, doc_type=None, title=None, issuer=None, place=None, issued_on=None)
