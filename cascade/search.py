"""Word search over the graph, shared by the API (``GET /agencies``, ``/search``) and the CLI (``cascade duties``).

Users type agency names without diacritics and with the abbreviations of
administrative writing ("so noi vu bac ninh", "lien hiep cac hoi khkt",
"UBND tinh Lao Cai"). A query becomes one group of alternatives per word: the
folded word (``ingest.identity.fold``, house rule 10), its letters-and-digits
form, and the expansions of the parser's abbreviation table
(``ingest/data/agency_abbreviations.json``). The Cypher side accepts a word
when one alternative starts a word of the node's folded ``search`` text.
"""

from __future__ import annotations

import json
from collections import defaultdict
from functools import lru_cache
from pathlib import Path
from typing import Any

from cascade import queries
from cascade.graph import Graph
from ingest.identity import fold, normalize_symbol, symbol_key

#: The abbreviation table written by the parser's agency stage (issue #3, "Agencies").
ABBREVIATIONS_FILE = Path(__file__).resolve().parent.parent / "ingest" / "data" / "agency_abbreviations.json"


def words(text: str) -> list[str]:
    """Return the folded words of ``text``: letters, digits and '&' kept, everything else a separator."""
    folded = fold(text or "")
    cleaned = "".join(ch if (ch.isalnum() or ch == "&") else " " for ch in folded)
    return cleaned.split()


def compact(word: str) -> str:
    """Return ``word`` with only letters and digits (``"kh&kt"`` -> ``"khkt"``), the key abbreviations match on."""
    return "".join(ch for ch in word if ch.isalnum())


def _entries(data: Any) -> list[tuple[str, str]]:
    """Return (abbreviation, expansion) pairs from any of the shapes the abbreviation JSON may take."""
    pairs: list[tuple[str, str]] = []
    if isinstance(data, dict):
        for key in ("entries", "abbreviations", "items", "data"):
            if isinstance(data.get(key), list | dict):
                return _entries(data[key])
        for k, v in data.items():
            if isinstance(v, str):
                pairs.append((k, v))
            elif isinstance(v, dict):
                full = v.get("full") or v.get("expansion") or v.get("name") or v.get("canonical")
                if isinstance(full, str):
                    pairs.append((k, full))
    elif isinstance(data, list):
        for item in data:
            if not isinstance(item, dict):
                continue
            full = item.get("full") or item.get("expansion") or item.get("name") or item.get("canonical")
            abbrs = item.get("abbr") or item.get("short") or item.get("abbreviation") or item.get("forms")
            if isinstance(abbrs, str):
                abbrs = [abbrs]
            if isinstance(full, str) and isinstance(abbrs, list):
                pairs.extend((a, full) for a in abbrs if isinstance(a, str))
    return pairs


@lru_cache(maxsize=1)
def abbreviations() -> dict[str, tuple[str, ...]]:
    """Return {compact folded abbreviation: folded expansions} from the parser's data file ({} if absent)."""
    try:
        data = json.loads(ABBREVIATIONS_FILE.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    table: dict[str, list[str]] = defaultdict(list)
    for abbr, full in _entries(data):
        key = compact(fold(abbr))
        expansion = " ".join(words(full))
        if key and expansion and expansion != key and expansion not in table[key]:
            table[key].append(expansion)
    return {k: tuple(v) for k, v in table.items()}


def search_groups(q: str | None, table: dict[str, tuple[str, ...]] | None = None) -> list[list[str]]:
    """Return one list of alternatives per query word: the folded word plus its abbreviation expansions.

    ``"lien hiep cac hoi khkt"`` -> ``[["lien"], ["hiep"], ["cac"], ["hoi"], ["khkt", "khoa hoc va ky thuat"]]``
    (with the parser's table). The Cypher side accepts a word when one alternative starts a word of
    the node's folded ``search`` text, so accents and abbreviations no longer matter.
    """
    table = abbreviations() if table is None else table
    groups: list[list[str]] = []
    for word in words(q or ""):
        alts = [word]
        if compact(word) != word and compact(word):
            alts.append(compact(word))
        for expansion in table.get(compact(word), ()):
            if expansion not in alts:
                alts.append(expansion)
        if alts not in groups:
            groups.append(alts)
    return groups


def symbol_lookup_key(symbol: str | None) -> str:
    """Return the exact-match key of a user-typed symbol (``"85 /KH-UBND"`` -> ``"85-kh-ubnd"``), '' if none."""
    if not symbol or not symbol.strip():
        return ""
    return symbol_key(normalize_symbol(symbol))


def search_agencies(graph: Graph, *, q: str | None, province: str | None = None, level: str | None = None,
                    kind: str | None = None, limit: int = 20, offset: int = 0) -> list[dict[str, Any]]:
    """Return one page of agencies (and groups) whose folded search text matches every query word.

    Order: shortest name first (the most specific match: "Sở Nội vụ tỉnh Bắc Ninh" before
    "Các sở, ban, ngành tỉnh Bắc Ninh"), then id; stable across pages.
    """
    rows = queries.run(graph, "api_agencies_search", groups=search_groups(q), province=(province or "").strip(),
                       level=level or "", kind=kind or "", upto=offset + limit)
    rows.sort(key=lambda r: (len(r.get("name") or ""), r["id"]))
    return rows[offset:offset + limit]
