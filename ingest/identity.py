"""Deterministic, ASCII, URL-safe ids for every node of the graph.

A document is identified by issuer + symbol + year, never by symbol alone:
every province has its own ``56/KH-UBND`` (issue #2, "Identity"). Central
issuers are already named by the symbol's suffix (``/QĐ-TTg`` is the Prime
Minister, ``-NQ/TW`` the Party Central Committee), so their scope is the suffix;
local issuers add their province (and district) to the id.

Ids are stable across runs and machines: the same citation in any document, or
the document itself ingested later, yields the same id, so a referenced stub is
completed in place rather than duplicated.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from ingest import patterns as P


def _fold_slow(text: str) -> str:
    text = unicodedata.normalize("NFD", text)
    text = "".join(ch for ch in text if unicodedata.category(ch) != "Mn")
    return text.replace("đ", "d").replace("Đ", "D").lower()


# Precomputed for every precomposed Latin letter Vietnamese uses (U+00C0..U+1EFF):
# folding is then one str.translate pass instead of an NFD + per-character
# category check (it was ~7% of parse time). Characters outside the table fall
# back to the slow path, so the result is identical for any input.
_FOLD_TABLE = {cp: _fold_slow(chr(cp)) for cp in range(0xC0, 0x1F00)
               if _fold_slow(chr(cp)) != chr(cp).lower()}
_FOLD_TABLE.update({ord(c): c.lower() for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"})


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Return ``text`` without Vietnamese diacritics, lower-cased (``"Sở Nội vụ"`` -> ``"so noi vu"``)."""
    if text.isascii():
        return text.lower()
    out = text.translate(_FOLD_TABLE)
    if out.isascii():
        return out
    return _fold_slow(out)  # combining marks or letters outside the table


def slug(text: str) -> str:
    """Return an ASCII, URL-safe slug: ``"142/QĐ-TTg"`` -> ``"142-qd-ttg"``."""
    return P.NON_ALNUM_RUN.sub("-", fold(text)).strip("-")


def normalize_symbol(symbol: str) -> str:
    """Return the symbol with spaces removed around separators: ``"124 /KH-UBND"`` -> ``"124/KH-UBND"``."""
    s = unicodedata.normalize("NFC", symbol).strip()
    if len(s.split()) == 1:
        return s  # no whitespace inside (str.split and ``\s`` know the same spaces): nothing to remove
    s = P.SPACED_SEPARATOR.sub(r"\1", s)
    return P.WHITESPACE_RUN.sub("", s)


def symbol_key(symbol: str) -> str:
    """Return the case- and accent-insensitive key of a symbol (``"72-CTr/TU"`` == ``"72-CTR/TU"``)."""
    return slug(normalize_symbol(symbol))


def document_id(symbol: str, year: int | None, province: str | None = None, district: str | None = None) -> str:
    """Return the id of a document: ``"142-qd-ttg--2020"``, ``"56-kh-ubnd--2020--soc-trang"``.

    ``province``/``district`` are given only for local issuers (their scope);
    an unknown year is written ``x`` so the id is still deterministic.
    """
    parts = [symbol_key(symbol), str(year) if year else "x"]
    if province:
        parts.append(slug(province))
    if district:
        parts.append(slug(district))
    return "--".join(parts)


def agency_id(canonical_name: str, level: str | None = None, province: str | None = None,
              district: str | None = None) -> str:
    """Return the id of an agency: ``"so-noi-vu-tinh-bac-ninh"``, ``"phong-noi-vu-huyen-chau-thanh--soc-trang"``.

    The canonical name of a provincial, ministerial or central body names its jurisdiction
    uniquely ("... tỉnh Bắc Ninh"); a district's or commune's does not: huyện Châu Thành
    exists in several provinces, xã Tân Phú in many districts. Their ids carry the province
    (and a commune's the district), the way ``document_id`` scopes local documents.
    """
    return scoped_agency_id(slug(canonical_name), level, province, district)


def scoped_agency_id(name_id: str, level: str | None, province: str | None, district: str | None) -> str:
    """Return ``name_id`` (an agency name's slug) with the scope ``agency_id`` gives its level."""
    if level not in ("district", "commune") or not province:
        return name_id
    parts = [slug(province)]
    if level == "commune" and district:
        parts.append(slug(district))
    suffix = "--" + "--".join(parts)
    return name_id if name_id.endswith(suffix) else name_id + suffix  # scoping twice changes nothing


def task_id(doc_id: str, ordinal: int) -> str:
    """Return the id of the ``ordinal``-th task (1-based, document order) of a document."""
    return f"{doc_id}--t{ordinal:03d}"


def jurisdiction_id(province: str, district: str | None = None) -> str:
    """Return the id of a province or district node: ``"soc-trang"``, ``"soc-trang--chau-thanh"``."""
    return slug(province) if not district else f"{slug(province)}--{slug(district)}"
