"""The ingest pipeline: read -> clean -> find -> resolve -> assemble.

Each stage is a small module with pure functions over the dataclasses in
``ingest.model``; this module only chains them. The CLI and the API call
``parse_file`` / ``parse_bytes`` and never reach into the stages.
"""

from __future__ import annotations

from pathlib import Path

from ingest import assemble, clean, read
from ingest.model import ParseResult


def parse_raw(raw) -> ParseResult:  # noqa: ANN001 - RawDocument
    """Return the ParseResult of an already-read document (clean, find, resolve, assemble)."""
    doc = clean.clean(raw)
    return assemble.assemble(doc)


def parse_file(path: str | Path) -> ParseResult:
    """Return the ParseResult of the file at ``path``; raise ``IngestError`` with a one-line message."""
    return parse_raw(read.read_file(path))


def parse_bytes(data: bytes, name: str) -> ParseResult:
    """Return the ParseResult of uploaded bytes; ``name`` gives the format (by extension) and the error prefix."""
    return parse_raw(read.read_bytes(data, name))


def parse_text(text: str, name: str = "<text>") -> ParseResult:
    """Return the ParseResult of a text already in memory (tests, notebooks)."""
    return parse_raw(read.read_text(text, name))
