"""Typed errors of the ingest pipeline.

Every failure that reaches a user is one of these, with the file name and a
one-line message: the CLI prints ``str(err)`` and exits non-zero, the API turns
it into a 422 with the same text.
"""

from __future__ import annotations


class IngestError(Exception):
    """A document could not be read or understood. ``str()`` is one line naming the file."""

    code = "ingest_error"

    def __init__(self, path: str, message: str) -> None:
        self.path = str(path)
        self.message = " ".join(str(message).split())  # always one line
        super().__init__(f"{self.path}: {self.message}")


class UnreadableFile(IngestError):
    """The path is missing, a directory, unreadable, or of an unsupported format."""

    code = "unreadable"


class EmptyDocument(IngestError):
    """The file holds no text (empty, whitespace only, or a PDF without a text layer)."""

    code = "empty"


class BinaryFile(IngestError):
    """The bytes are not text in any supported encoding."""

    code = "binary"


class NotADirective(IngestError):
    """Text was read but no document header (symbol, type or issuer) could be found."""

    code = "not_a_document"
