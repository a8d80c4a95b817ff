"""Stage 2, *clean*: ``RawDocument`` -> ``CleanDocument``. First version: NFC, strip markdown."""

from __future__ import annotations

import re

from ingest.model import CleanDocument, Line, RawDocument


def clean(raw: RawDocument) -> CleanDocument:
    """Return the cleaned, line-split document."""
    lines: list[Line] = []
    offset = 0
    for src in raw.text.splitlines():
        t = re.sub(r"[*#]+", "", src).strip()
        if not t:
            continue
        lines.append(Line(t, offset))
        offset += len(t) + 1
    text = "\n".join(l.text for l in lines)
    return CleanDocument(path=raw.path, text=text, lines=tuple(lines), raw=raw)
