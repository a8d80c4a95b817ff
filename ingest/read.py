"""Stage 1, *read*: bytes on disk -> ``RawDocument`` (decoded, NFC). First version: UTF-8 text only."""

from __future__ import annotations

import hashlib
import unicodedata
from pathlib import Path

from ingest.errors import EmptyDocument, UnreadableFile
from ingest.model import RawDocument


def read_text(text: str, name: str = "<text>") -> RawDocument:
    """Return a RawDocument for text already in memory."""
    data = text.encode("utf-8")
    return RawDocument(path=name, text=unicodedata.normalize("NFC", text), fmt="txt", encoding="utf-8",
                       sha256=hashlib.sha256(data).hexdigest(), size=len(data))


def read_bytes(data: bytes, name: str) -> RawDocument:
    """Return a RawDocument decoded from ``data``; raise IngestError subclasses on bad input."""
    if not data.strip():
        raise EmptyDocument(name, "empty file")
    text = data.decode("utf-8-sig")
    raw = read_text(text, name)
    return RawDocument(path=name, text=raw.text, fmt="txt", encoding="utf-8",
                       sha256=hashlib.sha256(data).hexdigest(), size=len(data))


def read_file(path: str | Path) -> RawDocument:
    """Return the RawDocument of the file at ``path``."""
    p = Path(path)
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise UnreadableFile(str(path), exc.strerror or str(exc)) from exc
    return read_bytes(data, str(path))
